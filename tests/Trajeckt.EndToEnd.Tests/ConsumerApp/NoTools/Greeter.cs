namespace Lib;

/// <summary>A library that gets Trajeckt (e.g. through a package it references) but declares no tool and no policy.</summary>
public static class Greeter
{
    public static string Greet(string name) => $"hello {name}";
}
