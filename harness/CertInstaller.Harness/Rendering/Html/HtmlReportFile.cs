using CertInstaller.Core.Codes;
using CertInstaller.Core.IO;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness.Rendering.Html;

/// <summary>validate --html FILE: refuses a FILE inside the certificates folder, then writes the page atomically (temp + rename).</summary>
public static class HtmlReportFile
{
    /// <summary>Writes the report of one run to <paramref name="file"/>; does nothing when <paramref name="file"/> is null.</summary>
    /// <exception cref="HarnessException">FILE is inside the certificates folder, is a folder, or its folder does not exist.</exception>
    public static void WriteIfAsked(string? file, ValidationContext context, ValidationReport report, int exitCode, string policySource)
    {
        if (file is null) return;
        var target = Check(file, context.Layout.Root);
        var model = HtmlReportBuilder.Build(context, report, exitCode, policySource, EntryPoint.VersionText.Of());
        Write(target, HtmlReportRenderer.Render(model));
    }

    /// <summary>The full path of <paramref name="file"/>, after refusing a place the report must not go.</summary>
    internal static string Check(string file, string certdir)
    {
        var target = Path.GetFullPath(file);
        var folder = Path.GetFullPath(certdir);
        var dir = Path.GetDirectoryName(target) ?? target;
        // Compare the real folders too: a link to the certificates folder (or into it) is the certificates folder.
        if (Inside(target, folder) || Inside(Real(dir), Real(folder)))
            throw new HarnessException(InputErrorCode.OutputRefused, $"--html {file}: the report would be written inside the certificates folder {folder}, which validate never changes; " +
                                       "write it elsewhere, e.g. --html ./report.html outside the folder");
        if (Directory.Exists(target))
            throw new HarnessException(InputErrorCode.InputWrongKind, $"--html {file}: this is a folder; give a file name, e.g. --html {Path.Combine(file, "report.html")}");
        if (!Directory.Exists(dir))
            throw new HarnessException(InputErrorCode.OutputRefused, $"--html {file}: the folder {dir} does not exist; create it or give a file in an existing folder");
        return target;
    }

    /// <summary>Writes the page owner-only (0600; on Windows owner, SYSTEM and Administrators) to a temporary file beside
    /// <paramref name="target"/> and renames it over: a reader never sees half a page, a failed write leaves an earlier
    /// report as it was, and a link at <paramref name="target"/> is refused, never followed (Core's <see cref="PrivateOutputFile"/>).</summary>
    /// <exception cref="HarnessException">A link or a special file is at <paramref name="target"/>.</exception>
    internal static void Write(string target, string html)
    {
        try
        {
            PrivateOutputFile.Write(new PhysicalFileSystem(), target, html);
        }
        catch (OutputFileRefusedException e)
        {
            throw new HarnessException(CodeRegistry.Of(e.Code), $"--html {target}: {e.Message}");
        }
    }

    private static bool Inside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var root = Path.TrimEndingDirectorySeparator(folder);
        var p = Path.TrimEndingDirectorySeparator(path);
        return p.Equals(root, comparison) || p.StartsWith(root + Path.DirectorySeparatorChar, comparison)
               || p.StartsWith(root + Path.AltDirectorySeparatorChar, comparison);
    }

    /// <summary>The folder with every link on its way resolved, as far as it exists.</summary>
    private static string Real(string folder)
    {
        try
        {
            var current = new DirectoryInfo(folder);
            var rest = new Stack<string>();
            while (current is not null && !current.Exists)
            {
                rest.Push(current.Name);
                current = current.Parent;
            }
            if (current is null) return folder;
            var resolved = RealExisting(current);
            while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
            return resolved;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return folder;
        }
    }

    private static string RealExisting(DirectoryInfo dir)
    {
        var parent = dir.Parent is null ? dir.FullName : Path.Combine(RealExisting(dir.Parent), dir.Name);
        var info = new DirectoryInfo(parent);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? RealExisting(new DirectoryInfo(target.FullName)) : parent;
    }
}
