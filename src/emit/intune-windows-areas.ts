/**
 * Windows' own ADMX-backed policies that the Policy CSP exposes, as Microsoft lists them in
 * "ADMX-backed policies in Policy CSP" (learn.microsoft.com/windows/client-management/mdm/
 * policies-in-policy-csp-admx-backed). Only the `ADMX_<file>` areas are carried: there the area
 * names the .admx file and the CSP policy name is the ADMX policy name, so the mapping is
 * certain. Areas with names of their own (AppVirtualization, InternetExplorer, …) map policies
 * under other names that only their pages tell, and are not guessed: such a policy gets a
 * warning instead (GPF3201).
 *
 * The table is partial: it carries the areas ADMX_ActiveXInstallService to ADMX_Logon of the
 * 2020 revision of that page (README "Deploying with Intune"). A policy missing here gets the
 * warning, never a made-up URI. Keys: the .admx base name as Microsoft writes it in the area;
 * values: the policy names, space-separated. test/emit/intune-windows-areas.test.ts checks every
 * entry against Windows' own templates.
 */
const ADMX_AREAS: Readonly<Record<string, string>> = {
  ActiveXInstallService: 'AxISURLZonePolicies',
  AddRemovePrograms:
    'DefaultCategory NoAddFromCDorFloppy NoAddFromInternet NoAddFromNetwork NoAddPage NoAddRemovePrograms NoChooseProgramsPage NoRemovePage NoServices NoSupportInfo NoWindowsSetupPage',
  AppCompat:
    'AppCompatPrevent16BitMach AppCompatRemoveProgramCompatPropPage AppCompatTurnOffApplicationImpactTelemetry AppCompatTurnOffSwitchBack AppCompatTurnOffEngine AppCompatTurnOffProgramCompatibilityAssistant_1 AppCompatTurnOffProgramCompatibilityAssistant_2 AppCompatTurnOffUserActionRecord AppCompatTurnOffProgramInventory',
  AppxPackageManager: 'AllowDeploymentInSpecialProfiles',
  AppXRuntime: 'AppxRuntimeApplicationContentUriRules AppxRuntimeBlockFileElevation AppxRuntimeBlockHostedAppAccessWinRT AppxRuntimeBlockProtocolElevation',
  AttachmentManager: 'AM_EstimateFileHandlerRisk AM_SetFileRiskLevel AM_SetHighRiskInclusion AM_SetLowRiskInclusion AM_SetModRiskInclusion',
  AuditSettings: 'IncludeCmdLine',
  Bits:
    'BITS_DisableBranchCache BITS_DisablePeercachingClient BITS_DisablePeercachingServer BITS_EnablePeercaching BITS_MaxBandwidthServedForPeers BITS_MaxBandwidthV2_Maintenance BITS_MaxBandwidthV2_Work BITS_MaxCacheSize BITS_MaxContentAge BITS_MaxDownloadTime BITS_MaxFilesPerJob BITS_MaxJobsPerMachine BITS_MaxJobsPerUser BITS_MaxRangesPerFile',
  CipherSuiteOrder: 'SSLCipherSuiteOrder SSLCurveOrder',
  COM: 'AppMgmt_COM_SearchForCLSID_1 AppMgmt_COM_SearchForCLSID_2',
  ControlPanel: 'DisallowCpls ForceClassicControlPanel NoControlPanel RestrictCpls',
  ControlPanelDisplay:
    'CPL_Display_Disable CPL_Display_HideSettings CPL_Personalization_DisableColorSchemeChoice CPL_Personalization_DisableThemeChange CPL_Personalization_DisableVisualStyle CPL_Personalization_EnableScreenSaver CPL_Personalization_ForceDefaultLockScreen CPL_Personalization_LockFontSize CPL_Personalization_NoChangingLockScreen CPL_Personalization_NoChangingStartMenuBackground CPL_Personalization_NoColorAppearanceUI CPL_Personalization_NoDesktopBackgroundUI CPL_Personalization_NoDesktopIconsUI CPL_Personalization_NoLockScreen CPL_Personalization_NoMousePointersUI CPL_Personalization_NoScreenSaverUI CPL_Personalization_NoSoundSchemeUI CPL_Personalization_PersonalColors CPL_Personalization_ScreenSaverIsSecure CPL_Personalization_ScreenSaverTimeOut CPL_Personalization_SetScreenSaver CPL_Personalization_SetTheme CPL_Personalization_SetVisualStyle CPL_Personalization_StartBackground',
  Cpls: 'UseDefaultTile',
  CredentialProviders: 'AllowDomainDelayLock DefaultCredentialProvider ExcludedCredentialProviders',
  CredSsp:
    'AllowDefCredentialsWhenNTLMOnly AllowDefaultCredentials AllowEncryptionOracle AllowFreshCredentials AllowFreshCredentialsWhenNTLMOnly AllowSavedCredentials AllowSavedCredentialsWhenNTLMOnly DenyDefaultCredentials DenyFreshCredentials DenySavedCredentials RestrictedRemoteAdministration',
  CredUI: 'EnableSecureCredentialPrompting NoLocalPasswordResetQuestions',
  CtrlAltDel: 'DisableChangePassword DisableLockComputer DisableTaskMgr NoLogoff',
  DataCollection: 'CommercialIdPolicy',
  DCOM: 'DCOMActivationSecurityCheckAllowLocalList DCOMActivationSecurityCheckExemptionList',
  Desktop:
    'AD_EnableFilter AD_HideDirectoryFolder AD_QueryLimit ForceActiveDesktopOn NoActiveDesktop NoActiveDesktopChanges NoDesktop NoDesktopCleanupWizard NoInternetIcon NoMyComputerIcon NoMyDocumentsIcon NoNetHood NoPropertiesMyComputer NoPropertiesMyDocuments NoRecentDocsNetHood NoRecycleBinIcon NoRecycleBinProperties NoSaveSettings NoWindowMinimizingShortcuts Wallpaper sz_ATC_DisableAdd sz_ATC_DisableClose sz_ATC_DisableDel sz_ATC_DisableEdit sz_ATC_NoComponents sz_AdminComponents_Title sz_DB_DragDropClose sz_DB_Moving sz_DWP_NoHTMLPaper',
  DeviceCompat: 'DeviceFlags DriverShims',
  DeviceInstallation:
    'DeviceInstall_AllowAdminInstall DeviceInstall_DeniedPolicy_DetailText DeviceInstall_DeniedPolicy_SimpleText DeviceInstall_InstallTimeout DeviceInstall_Policy_RebootTime DeviceInstall_Removable_Deny DeviceInstall_SystemRestore DriverInstall_Classes_AllowUser',
  DeviceGuard: 'ConfigCIPolicy',
  DeviceSetup: 'DeviceInstall_BalloonTips DriverSearchPlaces_SearchOrderConfiguration',
  DigitalLocker: 'Digitalx_DiableApplication_TitleText_1 Digitalx_DiableApplication_TitleText_2',
  DistributedLinkTracking: 'DLT_AllowDomainMode',
  DnsClient:
    'DNS_AllowFQDNNetBiosQueries DNS_AppendToMultiLabelName DNS_Domain DNS_DomainNameDevolutionLevel DNS_IdnEncoding DNS_IdnMapping DNS_NameServer DNS_PreferLocalResponsesOverLowerOrderDns DNS_PrimaryDnsSuffix DNS_RegisterAdapterName DNS_RegisterReverseLookup DNS_RegistrationEnabled DNS_RegistrationOverwritesInConflict DNS_RegistrationRefreshInterval DNS_RegistrationTtl DNS_SearchList DNS_SmartMultiHomedNameResolution DNS_SmartProtocolReorder DNS_UpdateSecurityLevel DNS_UpdateTopLevelDomainZones DNS_UseDomainNameDevolution Turn_Off_Multicast',
  DFS: 'DFSDiscoverDC',
  DWM:
    'DwmDefaultColorizationColor_1 DwmDefaultColorizationColor_2 DwmDisallowAnimations_1 DwmDisallowAnimations_2 DwmDisallowColorizationColorChanges_1 DwmDisallowColorizationColorChanges_2',
  EAIME:
    'L_DoNotIncludeNonPublishingStandardGlyphInTheCandidateList L_RestrictCharacterCodeRangeOfConversion L_TurnOffCustomDictionary L_TurnOffHistorybasedPredictiveInput L_TurnOffInternetSearchIntegration L_TurnOffOpenExtendedDictionary L_TurnOffSavingAutoTuningDataToFile L_TurnOnCloudCandidate L_TurnOnCloudCandidateCHS L_TurnOnMisconversionLoggingForMisconversionReport',
  EventLogging: 'EnableProtectedEventLogging',
  EncryptFilesonMove: 'NoEncryptOnMove',
  EnhancedStorage: 'ApprovedEnStorDevices ApprovedSilos DisablePasswordAuthentication DisallowLegacyDiskDevices LockDeviceOnMachineLock RootHubConnectedEnStorDevices',
  ErrorReporting:
    'PCH_AllOrNoneDef PCH_AllOrNoneEx PCH_AllOrNoneInc PCH_ConfigureReport PCH_ReportOperatingSystemFaults WerArchive_1 WerArchive_2 WerAutoApproveOSDumps_1 WerAutoApproveOSDumps_2 WerBypassDataThrottling_1 WerBypassDataThrottling_2 WerBypassNetworkCostThrottling_1 WerBypassNetworkCostThrottling_2 WerBypassPowerThrottling_1 WerBypassPowerThrottling_2 WerCER WerConsentCustomize_1 WerConsentOverride_1 WerConsentOverride_2 WerDefaultConsent_1 WerDefaultConsent_2 WerDisable_1 WerExlusion_1 WerExlusion_2 WerNoLogging_1 WerNoLogging_2 WerNoSecondLevelData_1 WerQueue_1 WerQueue_2',
  EventForwarding: 'ForwarderResourceUsage SubscriptionManager',
  EventLog:
    'Channel_LogEnabled Channel_LogFilePath_1 Channel_LogFilePath_2 Channel_LogFilePath_3 Channel_LogFilePath_4 Channel_LogMaxSize_3 Channel_Log_AutoBackup_1 Channel_Log_AutoBackup_2 Channel_Log_AutoBackup_3 Channel_Log_AutoBackup_4 Channel_Log_FileLogAccess_1 Channel_Log_FileLogAccess_2 Channel_Log_FileLogAccess_3 Channel_Log_FileLogAccess_4 Channel_Log_FileLogAccess_5 Channel_Log_FileLogAccess_6 Channel_Log_FileLogAccess_7 Channel_Log_FileLogAccess_8 Channel_Log_Retention_2 Channel_Log_Retention_3 Channel_Log_Retention_4',
  EventViewer: 'EventViewer_RedirectionProgram EventViewer_RedirectionProgramCommandLineParameters EventViewer_RedirectionURL',
  Explorer: 'AdminInfoUrl AlwaysShowClassicMenu DisableRoamedProfileInit PreventItemCreationInUsersFilesFolder TurnOffSPIAnimations',
  ExternalBoot: 'PortableOperatingSystem_Hibernate PortableOperatingSystem_Sleep PortableOperatingSystem_Launcher',
  FileRecovery: 'WdiScenarioExecutionPolicy',
  FileServerVSSProvider: 'Pol_EncryptProtocol',
  FileSys:
    'DisableCompression DisableDeleteNotification DisableEncryption EnablePagefileEncryption LongPathsEnabled ShortNameCreationSettings SymlinkEvaluation TxfDeprecatedFunctionality',
  FileRevocation: 'DelegatedPackageFamilyNames',
  FolderRedirection:
    'DisableFRAdminPin DisableFRAdminPinByFolder FolderRedirectionEnableCacheRename LocalizeXPRelativePaths_1 LocalizeXPRelativePaths_2 PrimaryComputer_FR_1 PrimaryComputer_FR_2',
  Globalization:
    'BlockUserInputMethodsForSignIn CustomLocalesNoSelect_1 CustomLocalesNoSelect_2 HideAdminOptions HideCurrentLocation HideLanguageSelection HideLocaleSelectAndCustomize ImplicitDataCollectionOff_1 ImplicitDataCollectionOff_2 LocaleSystemRestrict LocaleUserRestrict_1 LocaleUserRestrict_2 LockMachineUILanguage LockUserUILanguage PreventGeoIdChange_1 PreventGeoIdChange_2 PreventUserOverrides_1 PreventUserOverrides_2 RestrictUILangSelect TurnOffAutocorrectMisspelledWords TurnOffHighlightMisspelledWords TurnOffInsertSpace TurnOffOfferTextPredictions Y2K',
  GroupPolicy:
    'AllowX-ForestPolicy-and-RUP CSE_AppMgmt CSE_DiskQuota CSE_EFSRecovery CSE_FolderRedirection CSE_IEM CSE_IPSecurity CSE_Registry CSE_Scripts CSE_Security CSE_Wired CSE_Wireless CorpConnSyncWaitTime DenyRsopToInteractiveUser_1 DenyRsopToInteractiveUser_2 DisableAOACProcessing DisableAutoADMUpdate DisableBackgroundPolicy DisableLGPOProcessing DisableUsersFromMachGP EnableCDP EnableLogonOptimization EnableLogonOptimizationOnServerSKU EnableMMX EnforcePoliciesOnly FontMitigation GPDCOptions GPTransferRate_1 GPTransferRate_2 GroupPolicyRefreshRate GroupPolicyRefreshRateDC GroupPolicyRefreshRateUser LogonScriptDelay NewGPODisplayName NewGPOLinksDisabled OnlyUseLocalAdminFiles ProcessMitigationOptions RSoPLogging ResetDfsClientInfoDuringRefreshPolicy SlowLinkDefaultForDirectAccess SlowlinkDefaultToAsync SyncWaitTime UserPolicyMode',
  Help: 'DisableHHDEP HelpQualifiedRootDir_Comp RestrictRunFromHelp RestrictRunFromHelp_Comp',
  HelpAndSupport: 'ActiveHelp HPExplicitFeedback HPImplicitFeedback HPOnlineAssistance',
  ICM:
    'CEIPEnable CertMgr_DisableAutoRootUpdates DisableHTTPPrinting_1 DisableWebPnPDownload_1 DriverSearchPlaces_DontSearchWindowsUpdate EventViewer_DisableLinks HSS_HeadlinesPolicy HSS_KBSearchPolicy InternetManagement_RestrictCommunication_1 InternetManagement_RestrictCommunication_2 NC_ExitOnISP NC_NoRegistration PCH_DoNotReport RemoveWindowsUpdate_ICM SearchCompanion_DisableFileUpdates ShellNoUseInternetOpenWith_1 ShellNoUseInternetOpenWith_2 ShellNoUseStoreOpenWith_1 ShellNoUseStoreOpenWith_2 ShellPreventWPWDownload_1 ShellRemoveOrderPrints_1 ShellRemoveOrderPrints_2 ShellRemovePublishToWeb_1 ShellRemovePublishToWeb_2 WinMSG_NoInstrumentation_1 WinMSG_NoInstrumentation_2',
  kdc: 'CbacAndArmor ForestSearch PKINITFreshness RequestCompoundId TicketSizeThreshold emitlili',
  Kerberos: 'AlwaysSendCompoundId DevicePKInitEnabled HostToRealm KdcProxyDisableServerRevocationCheck KdcProxyServer MitRealms ServerAcceptsCompound StrictTarget',
  LanmanServer: 'Pol_CipherSuiteOrder Pol_HashPublication Pol_HashSupportVersion Pol_HonorCipherSuiteOrder',
  LanmanWorkstation: 'Pol_CipherSuiteOrder Pol_EnableHandleCachingForCAFiles Pol_EnableOfflineFilesforCAShares',
  LinkLayerTopologyDiscovery: 'LLTD_EnableLLTDIO LLTD_EnableRspndr',
  Logon:
    'BlockUserFromShowingAccountDetailsOnSignin DisableAcrylicBackgroundOnLogon DisableExplorerRunLegacy_1 DisableExplorerRunLegacy_2 DisableExplorerRunOnceLegacy_1 DisableExplorerRunOnceLegacy_2 DisableStatusMessages DontEnumerateConnectedUsers NoWelcomeTips_1 NoWelcomeTips_2 Run_1 Run_2 SyncForegroundPolicy UseOEMBackground VerboseStatus',
};

const byFolded = new Map<string, { readonly area: string; readonly policies: ReadonlySet<string> }>(
  Object.entries(ADMX_AREAS).map(([file, policies]) => [file.toUpperCase(), { area: `ADMX_${file}`, policies: new Set(policies.split(' ')) }]),
);

/** Every carried entry as [.admx base name, policy name], for the test that checks them against Windows' files. */
export function windowsAdmxEntries(): [string, string][] {
  return Object.entries(ADMX_AREAS).flatMap(([file, policies]) => policies.split(' ').map((policy): [string, string] => [file, policy]));
}

/** The Policy CSP area (`ADMX_Bits`) of a Windows policy, or undefined when not listed. */
export function windowsAdmxArea(admxFileName: string, policyName: string): string | undefined {
  const entry = byFolded.get(admxFileName.toUpperCase());
  return entry !== undefined && entry.policies.has(policyName) ? entry.area : undefined;
}
