using CertInstaller.Core.Validation;

namespace CertInstaller.PowerShell.Objects;

/// <summary>One finding of Test-IcCertificateFolder: the registry code, severity, file (relative), message and fix.</summary>
public sealed record IcFinding(string Code, string Name, Severity Severity, string Path, string Message, string Fix, string Folder);

/// <summary>Test-IcCertificateFolder -Summary: the verdict, counts per severity and the findings themselves.</summary>
public sealed record IcFolderSummary(string Folder, bool Valid, Severity FailAt, int Errors, int Warnings, int Infos, IcFinding[] Findings);
