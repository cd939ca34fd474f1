; Inno Setup script: installs the PyInstaller folder (dist\bundle\interview-followup, built
; on Windows with `make bundle` or `pyinstaller packaging\pyinstaller\followup-desktop.spec`).
;   iscc packaging\windows\interview-followup.iss
; Not built or run in this repository's CI (no Windows there); kept small and standard.

#define AppName "Interview Follow-Up"
#define AppVersion "0.1.0"
#define AppId "io.github.interview_followup.InterviewFollowUp"
#define Bundle "..\..\dist\bundle\interview-followup"

[Setup]
AppId={{8D6B7B64-3A0E-4B7E-9E55-6F0C7C1E2A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Interview Follow-Up developers
AppPublisherURL=https://example.invalid/interview-followup
DefaultDirName={autopf}\Interview Follow-Up
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=interview-followup-{#AppVersion}-setup
SetupIconFile=interview-followup.ico
UninstallDisplayIcon={app}\followup-desktop.exe
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Tasks]
Name: "startatlogin"; Description: "Start {#AppName} when I log in (reminders from the tray)"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\followup-desktop.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\followup-desktop.exe"; Tasks: desktopicon; AppUserModelID: "{#AppId}"

[Registry]
; The same value the app's own "Start at login" setting writes, so either can turn it off.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppId}"; ValueData: """{app}\followup-desktop.exe"" --minimized"; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\followup-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{cmd}"; Parameters: "/C reg delete HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v {#AppId} /f"; Flags: runhidden; RunOnceId: "RemoveLoginEntry"
