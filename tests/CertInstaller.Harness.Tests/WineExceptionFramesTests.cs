using System.Reflection;
using System.Runtime.CompilerServices;

namespace CertInstaller.Harness.Tests;

/// <summary>
/// The shape that hung the win-x64 test host under Wine 8 (TestSupport's WineExceptionFrames says why): an exception
/// caught after it crossed reflection's native invoke frame deep in the stack, then another one from a shallower frame.
/// Under Wine without the startup hook the second dispatch spins and the run is killed; elsewhere both are simply caught.
/// </summary>
public class WineExceptionFramesTests
{
    [Test]
    public void Exception_AfterOneCaughtThroughANativeFrameDeeper_IsCaughtToo()
    {
        var caught = Deep(40);

        var again = ThrowThroughReflection();

        Assert.That((caught, again), Is.EqualTo(("deep", "deep")));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Deep(int depth)
    {
        Span<byte> frame = stackalloc byte[256];
        frame[0] = (byte)depth;
        return depth == 0 ? ThrowThroughReflection() : Deep(depth - 1);
    }

    private static string ThrowThroughReflection()
    {
        try
        {
            typeof(WineExceptionFramesTests).GetMethod(nameof(Thrower), BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null);
            return "not thrown";
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
        {
            return e.InnerException.Message;
        }
    }

    private static void Thrower() => throw new InvalidOperationException("deep");
}
