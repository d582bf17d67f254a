# Sourced by run.sh and cpu-share.sh: what both need.
#
#   write_bench_project DIR ANALYZERS    # DIR/Bench.csproj with DIR/src/*.cs; the analyzers only with -p:KLeakLint=true
#   median N...                          # the median of the numbers, to two decimals

write_bench_project() {
    local dir="$1" analyzers="$2"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    # Outside the repository's Directory.Build.props (warnings as errors) and central package versions.
    echo '<Project />' > "$dir/Directory.Build.props"
    echo '<Project />' > "$dir/Directory.Build.targets"
    echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$dir/Directory.Packages.props"
    cat > "$dir/Bench.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
  </ItemGroup>
  <ItemGroup Condition="'\$(KLeakLint)' == 'true'">
    <Analyzer Include="$analyzers/KLeakLint.Core.dll" />
    <Analyzer Include="$analyzers/KLeakLint.Analyzers.dll" />
  </ItemGroup>
</Project>
PROJECT
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'; }
