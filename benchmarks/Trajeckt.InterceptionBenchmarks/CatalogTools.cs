using System.Runtime.CompilerServices;
using Trajeckt;

namespace Trajeckt.InterceptionBenchmarks;

/// <summary>A tool and its identical twin that is not a tool, so the difference is the gate alone.</summary>
public class CatalogTools
{
    [Tool("lookup")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Lookup(int id) => id + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int LookupUngated(int id) => id + 1;

    [Tool("read_account"), SensitiveRead("account")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int ReadAccount(int id) => id + 2;
}
