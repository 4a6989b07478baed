/**
 * Windows' own ADMX-backed policies that the Policy CSP exposes, as Microsoft lists them in
 * "ADMX-backed policies in Policy CSP" (learn.microsoft.com/windows/client-management/mdm/
 * policies-in-policy-csp-admx-backed). Only the `ADMX_<file>` areas are carried: there the area
 * names the .admx file and the CSP policy name is the ADMX policy name, so the mapping is
 * certain. Areas with names of their own (AppVirtualization, InternetExplorer, …) map policies
 * under other names that only their pages tell, and are not guessed: such a policy gets a
 * warning instead (GPF3201).
 *
 * The table is partial (see README "Deploying with Intune"): a policy missing here gets the
 * warning, never a made-up URI. Keys: the .admx base name as Microsoft writes it in the area.
 */
const ADMX_AREAS: Readonly<Record<string, readonly string[]>> = {
  ActiveXInstallService: ['AxISURLZonePolicies'],
  AddRemovePrograms: [
    'DefaultCategory', 'NoAddFromCDorFloppy', 'NoAddFromInternet', 'NoAddFromNetwork', 'NoAddPage', 'NoAddRemovePrograms',
    'NoChooseProgramsPage', 'NoRemovePage', 'NoServices', 'NoSupportInfo', 'NoWindowsSetupPage',
  ],
  AppCompat: [
    'AppCompatPrevent16BitMach', 'AppCompatRemoveProgramCompatPropPage', 'AppCompatTurnOffApplicationImpactTelemetry',
    'AppCompatTurnOffSwitchBack', 'AppCompatTurnOffEngine', 'AppCompatTurnOffProgramCompatibilityAssistant_1',
    'AppCompatTurnOffProgramCompatibilityAssistant_2', 'AppCompatTurnOffUserActionRecord', 'AppCompatTurnOffProgramInventory',
  ],
  AppxPackageManager: ['AllowDeploymentInSpecialProfiles'],
  AppXRuntime: [
    'AppxRuntimeApplicationContentUriRules', 'AppxRuntimeBlockFileElevation', 'AppxRuntimeBlockHostedAppAccessWinRT',
    'AppxRuntimeBlockProtocolElevation',
  ],
  AttachmentManager: ['AM_EstimateFileHandlerRisk', 'AM_SetFileRiskLevel', 'AM_SetHighRiskInclusion', 'AM_SetLowRiskInclusion', 'AM_SetModRiskInclusion'],
  AuditSettings: ['IncludeCmdLine'],
  Bits: [
    'BITS_DisableBranchCache', 'BITS_DisablePeercachingClient', 'BITS_DisablePeercachingServer', 'BITS_EnablePeercaching',
    'BITS_MaxBandwidthServedForPeers', 'BITS_MaxBandwidthV2_Maintenance', 'BITS_MaxBandwidthV2_Work', 'BITS_MaxCacheSize',
    'BITS_MaxContentAge', 'BITS_MaxDownloadTime', 'BITS_MaxFilesPerJob', 'BITS_MaxJobsPerMachine', 'BITS_MaxJobsPerUser',
    'BITS_MaxRangesPerFile',
  ],
  CipherSuiteOrder: ['SSLCipherSuiteOrder', 'SSLCurveOrder'],
  COM: ['AppMgmt_COM_SearchForCLSID_1', 'AppMgmt_COM_SearchForCLSID_2'],
  ControlPanel: ['DisallowCpls', 'ForceClassicControlPanel', 'NoControlPanel', 'RestrictCpls'],
  ControlPanelDisplay: [
    'CPL_Display_Disable', 'CPL_Display_HideSettings', 'CPL_Personalization_DisableColorSchemeChoice',
    'CPL_Personalization_DisableThemeChange', 'CPL_Personalization_DisableVisualStyle', 'CPL_Personalization_EnableScreenSaver',
    'CPL_Personalization_ForceDefaultLockScreen', 'CPL_Personalization_LockFontSize', 'CPL_Personalization_NoChangingLockScreen',
    'CPL_Personalization_NoChangingStartMenuBackground', 'CPL_Personalization_NoColorAppearanceUI',
    'CPL_Personalization_NoDesktopBackgroundUI', 'CPL_Personalization_NoDesktopIconsUI', 'CPL_Personalization_NoLockScreen',
    'CPL_Personalization_NoMousePointersUI', 'CPL_Personalization_NoScreenSaverUI', 'CPL_Personalization_NoSoundSchemeUI',
    'CPL_Personalization_PersonalColors', 'CPL_Personalization_ScreenSaverIsSecure', 'CPL_Personalization_ScreenSaverTimeOut',
    'CPL_Personalization_SetScreenSaver', 'CPL_Personalization_SetTheme', 'CPL_Personalization_SetVisualStyle',
    'CPL_Personalization_StartBackground',
  ],
  Cpls: ['UseDefaultTile'],
  CredentialProviders: ['AllowDomainDelayLock', 'DefaultCredentialProvider', 'ExcludedCredentialProviders'],
  CredSsp: [
    'AllowDefCredentialsWhenNTLMOnly', 'AllowDefaultCredentials', 'AllowEncryptionOracle', 'AllowFreshCredentials',
    'AllowFreshCredentialsWhenNTLMOnly', 'AllowSavedCredentials', 'AllowSavedCredentialsWhenNTLMOnly', 'DenyDefaultCredentials',
    'DenyFreshCredentials', 'DenySavedCredentials', 'RestrictedRemoteAdministration',
  ],
  CredUI: ['EnableSecureCredentialPrompting', 'NoLocalPasswordResetQuestions'],
  CtrlAltDel: ['DisableChangePassword', 'DisableLockComputer', 'DisableTaskMgr', 'NoLogoff'],
  DataCollection: ['CommercialIdPolicy'],
  DCOM: ['DCOMActivationSecurityCheckAllowLocalList', 'DCOMActivationSecurityCheckExemptionList'],
  Desktop: [
    'AD_EnableFilter', 'AD_HideDirectoryFolder', 'AD_QueryLimit', 'ForceActiveDesktopOn', 'NoActiveDesktop', 'NoActiveDesktopChanges',
    'NoDesktop', 'NoDesktopCleanupWizard', 'NoInternetIcon', 'NoMyComputerIcon', 'NoMyDocumentsIcon', 'NoNetHood',
    'NoPropertiesMyComputer', 'NoPropertiesMyDocuments', 'NoRecentDocsNetHood', 'NoRecycleBinIcon', 'NoRecycleBinProperties',
    'NoSaveSettings', 'NoWindowMinimizingShortcuts', 'Wallpaper',
  ],
};

const byFolded = new Map<string, { readonly area: string; readonly policies: ReadonlySet<string> }>(
  Object.entries(ADMX_AREAS).map(([file, policies]) => [file.toUpperCase(), { area: `ADMX_${file}`, policies: new Set(policies) }]),
);

/** The Policy CSP area (`ADMX_Bits`) of a Windows policy, or undefined when not listed. */
export function windowsAdmxArea(admxFileName: string, policyName: string): string | undefined {
  const entry = byFolded.get(admxFileName.toUpperCase());
  return entry !== undefined && entry.policies.has(policyName) ? entry.area : undefined;
}
