namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// Every language pattern that makes the compiler call a method the source does not name as a call, each
/// with a tool of the pattern's shape and a use of it. A pattern is one entry; a new one is added here and
/// must fail the build like the others.
/// </summary>
internal static class ImplicitCallCorpus
{
    private const string Usings = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Trajeckt;

        namespace App;

        """;

    /// <summary>(name, declarations, a use that runs a tool implicitly).</summary>
    public static readonly (string Name, string Declarations, string Use)[] Entries =
    [
        ("collection initializer Add",
            "public class Bag : IEnumerable<int> { [Tool] public void Add(int x) { } public IEnumerator<int> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!; }",
            "_ = new Bag { 1 };"),
        ("collection expression Add",
            "public class Bag : IEnumerable<int> { [Tool] public void Add(int x) { } public IEnumerator<int> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!; }",
            "Bag bag = [1];"),
        ("collection expression CollectionBuilder Create",
            "[CollectionBuilder(typeof(Built), nameof(Built.Create))] public class Built : IEnumerable<int> { [Tool] public static Built Create(ReadOnlySpan<int> items) => new(); public IEnumerator<int> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!; }",
            "Built built = [1, 2];"),
        ("using Dispose",
            "public class Res : IDisposable { [Tool] public void Dispose() { } }",
            "using (new Res()) { }"),
        ("using declaration Dispose",
            "public class Res : IDisposable { [Tool] public void Dispose() { } }",
            "using var res = new Res();"),
        ("ref struct pattern Dispose",
            "public ref struct Res { [Tool] public void Dispose() { } }",
            "using (new Res()) { }"),
        ("await using DisposeAsync",
            "public class Res : IAsyncDisposable { [Tool] public ValueTask DisposeAsync() => default; }",
            "await using (new Res()) { }"),
        ("await GetAwaiter",
            "public class Later { [Tool] public TaskAwaiter GetAwaiter() => Task.CompletedTask.GetAwaiter(); }",
            "await new Later();"),
        ("await GetResult",
            "public class Later { public Waiter GetAwaiter() => new(); } public class Waiter : INotifyCompletion { public bool IsCompleted => true; [Tool] public void GetResult() { } public void OnCompleted(Action next) => next(); }",
            "await new Later();"),
        ("await IsCompleted",
            "public class Later { public Waiter GetAwaiter() => new(); } public class Waiter : INotifyCompletion { public bool IsCompleted { [Tool] get => true; } public void GetResult() { } public void OnCompleted(Action next) => next(); }",
            "await new Later();"),
        ("foreach GetEnumerator",
            "public class Items { [Tool] public IEnumerator<int> GetEnumerator() => new List<int>().GetEnumerator(); }",
            "foreach (var item in new Items()) { }"),
        ("foreach MoveNext",
            "public class Items { public Walker GetEnumerator() => new(); } public class Walker { [Tool] public bool MoveNext() => false; public int Current => 0; }",
            "foreach (var item in new Items()) { }"),
        ("foreach Current",
            "public class Items { public Walker GetEnumerator() => new(); } public class Walker { public bool MoveNext() => false; public int Current { [Tool] get => 0; } }",
            "foreach (var item in new Items()) { }"),
        ("foreach extension GetEnumerator",
            "public class Items { } public static class ItemsExtensions { [Tool] public static IEnumerator<int> GetEnumerator(this Items items) => new List<int>().GetEnumerator(); }",
            "foreach (var item in new Items()) { }"),
        ("await foreach GetAsyncEnumerator",
            "public class Stream { [Tool] public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken token = default) => null!; }",
            "await foreach (var item in new Stream()) { }"),
        ("foreach deconstruction",
            "public class Pair { [Tool] public void Deconstruct(out int a, out int b) { a = 1; b = 2; } }",
            "foreach (var (a, b) in new[] { new Pair() }) { }"),
        ("spread element GetEnumerator",
            "public class Items { [Tool] public IEnumerator<int> GetEnumerator() => new List<int>().GetEnumerator(); }",
            "int[] all = [.. new Items()];"),
        ("deconstruction",
            "public class Pair { [Tool] public void Deconstruct(out int a, out int b) { a = 1; b = 2; } }",
            "var (a, b) = new Pair();"),
        ("positional pattern Deconstruct",
            "public class Pair { [Tool] public void Deconstruct(out int a, out int b) { a = 1; b = 2; } }",
            "_ = new Pair() is (1, 2);"),
        ("query Select",
            "public class Source { [Tool] public Source Select(Func<int, int> f) => this; }",
            "_ = from x in new Source() select x + 1;"),
        ("query Where",
            "public class Source { [Tool] public Source Where(Func<int, bool> f) => this; public Source Select(Func<int, int> f) => this; }",
            "_ = from x in new Source() where x > 0 select x + 1;"),
        ("range Slice",
            "public class Text { public int Length => 3; [Tool] public Text Slice(int start, int length) => this; }",
            "_ = new Text()[1..2];"),
        ("index from end Length",
            "public class Text { public int Length { [Tool] get => 3; } public int this[int i] => i; }",
            "_ = new Text()[^1];"),
        ("indexer",
            "public class Table { public int this[int i] { [Tool] get => i; } }",
            "_ = new Table()[0];"),
        ("list pattern",
            "public class Table { public int Count { [Tool] get => 1; } public int this[int i] => i; }",
            "_ = new Table() is [1];"),
        ("interpolated string handler AppendFormatted",
            "[InterpolatedStringHandler] public ref struct Handler { public Handler(int literalLength, int formattedCount) { } public void AppendLiteral(string s) { } [Tool] public void AppendFormatted<T>(T value) { } } public static class Sink { public static void Write(Handler handler) { } }",
            "Sink.Write($\"x{1}\");"),
        ("interpolation ToString",
            "public class Secret { [Tool] public override string ToString() => \"s\"; }",
            "_ = $\"{new Secret()}\";"),
        ("concatenation ToString",
            "public class Secret { [Tool] public override string ToString() => \"s\"; }",
            "_ = \"a\" + new Secret();"),
        ("fixed GetPinnableReference",
            "public class Pinned { private int _value; [Tool] public ref int GetPinnableReference() => ref _value; }",
            "unsafe { fixed (int* p = new Pinned()) { } }"),
        ("object initializer setter",
            "public class Settings { public int Level { get; [Tool] set; } }",
            "_ = new Settings { Level = 1 };"),
        ("property getter",
            "public class Settings { public int Level { [Tool] get => 1; } }",
            "_ = new Settings().Level;"),
        ("with expression init setter",
            "public record Settings { public int Level { get; [Tool] init; } }",
            "_ = new Settings() with { Level = 2 };"),
        ("event accessor",
            "public class Bus { public event Action Raised { [Tool] add { } remove { } } }",
            "new Bus().Raised += () => { };"),
        ("binary operator",
            "public class Money { [Tool] public static Money operator +(Money a, Money b) => a; }",
            "_ = new Money() + new Money();"),
        ("compound assignment operator",
            "public class Money { [Tool] public static Money operator +(Money a, Money b) => a; }",
            "var m = new Money(); m += new Money();"),
        ("increment operator",
            "public class Counter { [Tool] public static Counter operator ++(Counter c) => c; }",
            "var c = new Counter(); c++;"),
        ("unary operator",
            "public class Flag { [Tool] public static Flag operator !(Flag f) => f; }",
            "_ = !new Flag();"),
        ("operator true",
            "public class Flag { [Tool] public static bool operator true(Flag f) => true; public static bool operator false(Flag f) => false; }",
            "if (new Flag()) { }"),
        ("short-circuit operator false",
            "public class Flag { public static bool operator true(Flag f) => true; [Tool] public static bool operator false(Flag f) => false; public static Flag operator &(Flag a, Flag b) => a; }",
            "_ = new Flag() && new Flag();"),
        ("tuple equality operator",
            "public class Money { [Tool] public static bool operator ==(Money a, Money b) => true; public static bool operator !=(Money a, Money b) => false; public override bool Equals(object? o) => false; public override int GetHashCode() => 0; }",
            "_ = (new Money(), 1) == (new Money(), 1);"),
        ("implicit conversion",
            "public class Money { [Tool] public static implicit operator int(Money m) => 1; }",
            "int amount = new Money();"),
        ("explicit conversion",
            "public class Money { [Tool] public static explicit operator int(Money m) => 1; }",
            "_ = (int)new Money();"),
        ("method group to delegate",
            "public static class Ops { [Tool] public static void Run() { } }",
            "Action run = Ops.Run;"),
        ("function pointer",
            "public static class Ops { [Tool] public static void Run() { } }",
            "unsafe { delegate*<void> run = &Ops.Run; }"),
    ];

    public static string Program(string declarations, string use) => Usings + declarations + $$"""


        public static class Use
        {
            public static async Task Run()
            {
                {{use}}
                await Task.Yield();
            }
        }
        """;
}
