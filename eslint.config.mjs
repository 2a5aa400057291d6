// ESLint for the map's own scripts (resources/web/mz/*.js), run by .ci/run.
// They are plain ES5-style browser scripts loaded into the map page after Leaflet
// (global `L`) and Qt's qwebchannel.js (`QWebChannel`, `qt`); each defines one global
// (MzMap, MzFleet, MzTrack, MzPlan) that page.py's script calls.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["resources/web/mz/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: {
        ...globals.browser,
        L: "readonly",
        QWebChannel: "readonly",
        qt: "readonly",
        // each defined by its own script (mz-fleet.js, mz-track.js, mz-plan.js)
        MzFleet: "readonly",
        MzTrack: "readonly",
        MzPlan: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none" }],
      "no-implicit-globals": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "off",
      strict: ["error", "function"],
      "no-use-before-define": ["error", { functions: false }],
      "no-redeclare": "error",
      curly: ["error", "multi-line"],
      "no-eval": "error",
      "no-implied-eval": "error",
    },
  },
];
