namespace CertInstaller.Harness.Views;

/// <summary>digests --baseline: the conversion report. Target is the minimum digest, or with exact the only one accepted.</summary>
public sealed record DigestBaselineView(
    string Baseline,
    string Target,
    bool Exact,
    IReadOnlyList<DigestChangeView> Files,
    IReadOnlyList<string> StillSha1,
    IReadOnlyList<StaleFolderView> StaleFolders,
    DigestChangeSummaryView Summary);

/// <summary>One signed object: change resigned|unchanged|added|removed, the digest before and after, whether key and subject were kept.</summary>
public sealed record DigestChangeView(string Path, int Index, string Kind, string Subject, string Change, string? DigestBefore, string? DigestAfter,
    bool? KeyKept, bool? SubjectKept, bool Ok);

/// <summary>A remote or off-server folder that still holds the old issuer: its components need new certificates.</summary>
public sealed record StaleFolderView(string Folder, string OldIssuer, IReadOnlyList<string> Files);

/// <summary>How many objects changed how.</summary>
public sealed record DigestChangeSummaryView(int Resigned, int Unchanged, int Added, int Removed);
