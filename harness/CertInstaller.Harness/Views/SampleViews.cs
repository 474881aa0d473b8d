namespace CertInstaller.Harness.Views;

/// <summary>sample: the IC certificates folder written, its file count and how many of them are third-party.</summary>
public sealed record SampleFolderView(string Root, int Files, int ThirdParty);

/// <summary>sample --leaves: the benchmark hierarchy written, named by its anchor (root.cer).</summary>
public sealed record SampleHierarchyView(string Anchor);
