using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness inspect: describes every PKI object in the given files.</summary>
internal static class InspectCommand
{
    private static readonly CodeInfo Malformed = CodeRegistry.Of(ReadErrorCode.Malformed);

    private const string Help = """
        Describe certificates, CSRs, private keys, PKCS#12 and PKCS#7 files (PEM or DER, detected from the bytes).
        Keys are matched against the certificates given in the same run.
        Exit codes: 0 every file read; 2 a file could not be read or bad usage.
        Examples:
          certharness inspect ServerGroupCertificate.cer ServerGroupPrivateKey.bin
          certharness inspect --json --password-file pw.txt site.pfx
        """;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "files to inspect" };
        var common = new CommonOptions();
        var command = new Command("inspect", Help) { files };
        common.AddTo(command);
        command.SetAction(r => Run(r.GetValue(files) ?? [], r.GetValue(common.Json), common.ResolvePassword(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] files, bool json, string? password, TextWriter stdout, TextWriter stderr)
    {
        var reader = new PkiReader(password);
        var results = files.Select(reader.ReadFile).ToList();
        var known = results.Where(r => r.Ok)
            .SelectMany(r => CertificateSource.CertificatesOf(r).Select(c => ($"{r.Path}: {PkiDescriber.DescribeName(c.SubjectDN).OneLine}", c)))
            .ToList();
        var views = new List<ObjectView>();
        var failures = new List<string>();
        foreach (var result in results.Where(r => r.Ok))
        {
            for (var i = 0; i < result.Objects.Count; i++)
            {
                try
                {
                    views.Add(ObjectViews.Of(result.Objects[i], result.Path, i, known));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"certharness inspect: {Malformed.Text} {Malformed.Name}: {result.Path}: object #{i} ({result.Objects[i].Kind}) is malformed: {Core.Text.Messages.Brief(e.Message)} (export it again)");
                }
            }
        }

        Renderer.Render(views, json ? OutputFormat.Json : OutputFormat.Text, stdout);

        foreach (var error in results.Where(r => !r.Ok).Select(r => r.Error!))
        {
            stderr.WriteLine("certharness inspect: " + Errors.Describe(error));
        }

        foreach (var failure in failures)
        {
            stderr.WriteLine(failure);
        }

        return results.All(r => r.Ok) && failures.Count == 0 ? ExitCodes.Clean : ExitCodes.Usage;
    }
}
