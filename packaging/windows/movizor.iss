; Inno Setup 6 script of the Movizor Desktop installer (6.3 or newer: x64compatible).
;
; Built by packaging/build.py, which passes the facts that have one source elsewhere:
;   ISCC.exe /DAppVersion=<x.y.z> /DAppVersionNumbers=<x.y.z.0> /DSourceDir=<dist\movizor-desktop>
;            /DOutputDir=<out> /DAppExeName=movizor-desktop.exe
;            /DAppDebugExeName=movizor-desktop-debug.exe [/DAppIcon=<resources\icons\movizor.ico>]
;            [/DSignInstaller "/Smovizor=<signtool sign … $f>"]   (packaging/winsign.py)
;            packaging\windows\movizor.iss
; The version comes from movizor_desktop/__init__.py (__version__) through build.py.
;
; Install mode (docs/INSTALL.md has the command lines for IT):
; * per machine by default, into %ProgramFiles%\Movizor Desktop, for every user. That needs
;   administrator rights (a UAC prompt when started interactively); software deployment
;   running as SYSTEM or an elevated administrator installs per machine silently. Program
;   Files is where AppLocker's default rules let standard users run programs.
; * per user, into %LOCALAPPDATA%\Programs\Movizor Desktop, without administrator rights:
;   chosen in the "install for me only" dialog, or with /CURRENTUSER.
; /ALLUSERS and /CURRENTUSER choose without the dialog; an upgrade keeps the mode and the
; folder of the installation it finds (UsePreviousPrivileges, UsePreviousAppDir).
;
; Settings, profiles, the cache and logs live in the user's folders
; (%LOCALAPPDATA%\Movizor\MovizorDesktop), never in the install folder, so an upgrade or an
; uninstall leaves them alone. API keys stay in Windows Credential Manager.
;
; VC++ runtime: no redistributable is installed or checked. QtWebEngine needs the MSVC
; 2015-2022 runtime (14.28+), and the PySide6/shiboken6 wheels ship those DLLs beside Qt;
; the spec copies every one Qt imports (bundle_config.MSVC_RUNTIME_DLLS: msvcp140,
; msvcp140_1, msvcp140_2, vcruntime140, vcruntime140_1) next to the executables and
; build.py refuses a bundle without them. The universal CRT (ucrtbase.dll) is part of
; Windows 10, which Qt 6 requires anyway (MinVersion below).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required (ArchitecturesAllowed=x64compatible)
#endif
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
; Per machine by default; "for me only" (or /CURRENTUSER) installs per user without
; administrator rights. {autopf} is Program Files or %LOCALAPPDATA%\Programs accordingly.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
UsePreviousPrivileges=yes
DefaultDirName={autopf}\{#AppName}
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
#ifdef SignInstaller
; The command comes from build.py (/Smovizor=…): the setup.exe and the uninstaller it
; writes are signed with the same certificate as the executables.
SignTool=movizor
SignedUninstaller=yes
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
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; Only what the app may have left inside its own folder; user data stays where it is.
Type: filesandordirs; Name: "{app}\_internal"
