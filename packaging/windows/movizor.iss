; Inno Setup 6 script of the Movizor Desktop installer (per-user, no administrator rights).
;
; Built by packaging/build.py, which passes the facts that have one source elsewhere:
;   ISCC.exe /DAppVersion=<x.y.z> /DAppVersionNumbers=<x.y.z.0> /DSourceDir=<dist\movizor-desktop>
;            /DOutputDir=<out> /DAppExeName=movizor-desktop.exe
;            /DAppDebugExeName=movizor-desktop-debug.exe [/DAppIcon=<resources\icons\movizor.ico>]
;            packaging\windows\movizor.iss
; The version comes from movizor_desktop/__init__.py (__version__) through build.py.
;
; Installs into %LOCALAPPDATA%\Programs\Movizor Desktop with a Start-menu entry and an
; uninstaller (Settings > Apps). Running a newer installer upgrades in place: the AppId
; below never changes, and settings, profiles, the cache and logs live in the user's
; config/data folders (%LOCALAPPDATA%\Movizor\MovizorDesktop), never in the install folder,
; so an upgrade or an uninstall leaves them alone. API keys stay in Windows Credential
; Manager.
;
; VC++ runtime: no redistributable is installed or checked. QtWebEngine needs the MSVC
; 2015-2022 runtime (14.28+), and the PySide6/shiboken6 wheels ship those DLLs
; (msvcp140*.dll, vcruntime140*.dll, concrt140.dll) beside Qt; the spec copies them next
; to the executables and build.py refuses a bundle without them. The universal CRT
; (ucrtbase.dll) is part of Windows 10, which Qt 6 requires anyway (MinVersion below).

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging/build.py does)
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers AppVersion
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=<the PyInstaller one-folder bundle>
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif
#ifndef AppExeName
  #define AppExeName "movizor-desktop.exe"
#endif
#ifndef AppDebugExeName
  #define AppDebugExeName "movizor-desktop-debug.exe"
#endif
#define AppName "Movizor Desktop"
#define AppPublisher "Movizor Desktop developers"

[Setup]
; Never change AppId: upgrades find the previous installation through it.
AppId={{6F2B7C3E-4A1D-4E8B-9C5F-2D7A1B3E8F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://movizor.ru/
AppSupportURL=https://movizor.ru/
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoDescription={#AppName} installer
; Per user: no UAC prompt, works on locked-down office PCs.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=Movizor-Desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy (Restart Manager) before files are replaced; reopen it afterwards.
CloseApplications=yes
RestartApplications=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
#ifdef AppIcon
SetupIconFile={#AppIcon}
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale: no stale DLLs of the old version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Movizor.ru fleet tracking"
Name: "{autoprograms}\{#AppName} (diagnostics)"; Filename: "{app}\{#AppDebugExeName}"; Parameters: "--debug"; Comment: "Movizor Desktop with a console log"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app may have left inside its own folder; user data stays where it is.
Type: filesandordirs; Name: "{app}\_internal"
