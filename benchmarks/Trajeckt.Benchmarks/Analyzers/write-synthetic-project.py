#!/usr/bin/env python3
"""Writes the analyzer benchmark's synthetic agent as a project on disk, for a real build with
-p:ReportAnalyzer=true (docs/performance.md, Analyzers). Same shape as Generators/SyntheticAgent.cs:
1,000 tools in 10 files (a tenth each sensitive, external sink, control sink), 10,000 calls in 100 methods.

usage: write-synthetic-project.py FOLDER REPO_ROOT
"""
import os
import sys

folder, repo = sys.argv[1], os.path.abspath(sys.argv[2])
os.makedirs(folder, exist_ok=True)
tools, calls, files = 1000, 10000, 100

for f in range(tools // 100):
    lines = ["using Trajeckt;", "namespace Agent.Tools;", f"public static class Tools{f}", "{"]
    for t in range(f * 100, (f + 1) * 100):
        effect = {0: ', SensitiveRead("pii")', 1: ", Sink(SinkKind.External)", 2: ", Sink(SinkKind.Control)"}.get(t % 10, "")
        lines += [f'    [Tool("t{t:04d}"){effect}]', f"    public static int T{t}(int x) => x + {t};"]
    lines.append("}")
    open(os.path.join(folder, f"Tools{f}.cs"), "w").write("\n".join(lines) + "\n")

per = calls // files
for f in range(files):
    lines = ["using Agent.Tools;", "namespace Agent.Callers;", f"public static class Caller{f}", "{",
             "    public static int Run()", "    {", "        var x = 0;"]
    for c in range(per):
        t = (f * per + c) % tools
        lines.append(f"        x = Tools{t // 100}.T{t}(x);")
    lines += ["        return x;", "    }", "}"]
    open(os.path.join(folder, f"Caller{f}.cs"), "w").write("\n".join(lines) + "\n")

open(os.path.join(folder, "Synth.csproj"), "w").write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TrajecktSign>false</TrajecktSign>
    <InterceptorsNamespaces>$(InterceptorsNamespaces);Trajeckt.Generated</InterceptorsNamespaces>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{repo}/src/Trajeckt.Runtime/Trajeckt.Runtime.csproj" />
    <ProjectReference Include="{repo}/src/Trajeckt.Generators/Trajeckt.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{repo}/src/Trajeckt.Analyzers/Trajeckt.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
""")
