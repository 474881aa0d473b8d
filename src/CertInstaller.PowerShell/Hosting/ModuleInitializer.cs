using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CertInstaller.PowerShell.Hosting;

/// <summary>Windows PowerShell 5.1 (.NET Framework) applies no binding redirects to modules: System.Text.Json for
/// netstandard2.0 and its helpers (System.Memory, System.Runtime.CompilerServices.Unsafe, ...) ask for versions other than
/// the ones in the module folder. This resolves such a request to the module folder's copy, whatever the version asked.
/// PowerShell 7 resolves module dependencies itself, so nothing is registered there.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static readonly string Folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

    /// <inheritdoc/>
    public void OnImport()
    {
        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        var file = Path.Combine(Folder, name + ".dll");
        return name is not null && File.Exists(file) ? Assembly.LoadFrom(file) : null;
    }
}
