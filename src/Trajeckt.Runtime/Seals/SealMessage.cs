using System.Text;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>
/// The bytes a seal signs (docs/semantics.md): ASCII <c>trajeckt-seal-v1</c>, a zero byte, then the 32
/// digest bytes. The prefix keeps a seal signature from meaning anything in another protocol.
/// </summary>
internal static class SealMessage
{
    private static readonly byte[] s_domain = Encoding.ASCII.GetBytes("trajeckt-seal-v1\0");

    public static byte[] For(GraphDigest digest)
    {
        var message = new byte[s_domain.Length + GraphDigest.Length];
        s_domain.CopyTo(message, 0);
        digest.ToArray().CopyTo(message, s_domain.Length);
        return message;
    }
}
