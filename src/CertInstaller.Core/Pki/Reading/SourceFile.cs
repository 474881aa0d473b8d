namespace CertInstaller.Core.Pki.Reading;

/// <summary>A file found under a scanned folder: its full path and its path relative to the folder ('/' separators).</summary>
public sealed record SourceFile(string FullPath, string RelativePath);
