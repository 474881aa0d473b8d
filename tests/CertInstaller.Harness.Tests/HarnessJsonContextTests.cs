using System.Reflection;
using CertInstaller.Harness.Rendering;

namespace CertInstaller.Harness.Tests;

/// <summary>
/// certharness serialises through source-generated contracts only (NativeAOT): every view type must be in
/// HarnessJsonContext, directly or as a member of a listed view. A view added without its attribute fails here, not in a
/// user's AOT binary. (Run in the JIT build too: the context is the only resolver in both.)
/// </summary>
public class HarnessJsonContextTests
{
    private static IEnumerable<Type> ViewTypes() =>
        typeof(JsonRenderer).Assembly.GetTypes()
            .Where(t => t.Namespace == "CertInstaller.Harness.Views" && t is { IsClass: true, IsAbstract: false } && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length > 0);

    [Test]
    public void Context_HasAContractForEveryViewType()
    {
        var views = ViewTypes().ToList();
        var missing = views.Where(t => JsonRenderer.Context.GetTypeInfo(t) is null).Select(t => t.Name).ToList();

        Assert.That(views, Has.Count.GreaterThanOrEqualTo(20), "the reflection must find the views");
        Assert.That(missing, Is.Empty, "add [JsonSerializable(typeof(...))] to HarnessJsonContext for these views");
    }

    [Test]
    public void Write_WhenTypeIsNotInTheContext_FailsNamingTheType()
    {
        var e = Assert.Throws<InvalidOperationException>(() => JsonRenderer.Write(new Uri("https://example.test/"), TextWriter.Null));

        Assert.That(e!.Message, Does.Contain("Uri").And.Contain(nameof(HarnessJsonContext)));
    }
}
