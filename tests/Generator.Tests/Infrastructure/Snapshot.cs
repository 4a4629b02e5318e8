using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace CreateImageSdk.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Snapshot assertions in the way Verify works: <c>Snapshots/{name}.verified.cs</c> is checked in; on a
    /// mismatch the actual text is written to <c>{name}.received.cs</c> beside it and the test fails with a diff.
    /// Set <c>ACCEPT_SNAPSHOTS=1</c> to accept received text; CI (<c>CI=true</c>) never accepts.
    /// </summary>
    internal static class Snapshot
    {
        private static readonly Regex Version = new Regex("GeneratedCode\\(\"CreateImageSdk.Generator\", \"[^\"]*\"\\)");

        /// <summary>The checked-in snapshots' folder: tests/Generator.Tests/Snapshots, found from this source file's path.</summary>
        public static string Folder() => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ThisFile())!)!, "Snapshots");

        private static string ThisFile([CallerFilePath] string path = "") => path;

        public static void Match(string name, string actual)
        {
            var directory = Folder();
            Directory.CreateDirectory(directory);
            var verifiedPath = Path.Combine(directory, name + ".verified.cs");
            var receivedPath = Path.Combine(directory, name + ".received.cs");
            var scrubbed = Scrub(actual);

            var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (expected == scrubbed)
            {
                if (File.Exists(receivedPath)) File.Delete(receivedPath);
                return;
            }

            if (Accepting)
            {
                File.WriteAllText(verifiedPath, scrubbed);
                if (File.Exists(receivedPath)) File.Delete(receivedPath);
                return;
            }

            File.WriteAllText(receivedPath, scrubbed);
            throw new XunitException(expected is null
                ? $"No snapshot '{name}.verified.cs' yet. The received text is in {receivedPath}; review it and rerun with ACCEPT_SNAPSHOTS=1 to accept."
                : $"Snapshot '{name}' differs. Received text: {receivedPath}\n{Diff(expected, scrubbed)}\nRerun with ACCEPT_SNAPSHOTS=1 to accept it (never done in CI).");
        }

        /// <summary>Whether received snapshots are accepted: only when asked, and never in CI.</summary>
        public static bool Accepting =>
            Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1" &&
            !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        public static string Scrub(string text) => Normalize(Version.Replace(text, "GeneratedCode(\"CreateImageSdk.Generator\", \"{version}\")"));

        private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

        /// <summary>A unified-style diff of the first differing region, enough to read in a test log.</summary>
        internal static string Diff(string expected, string actual)
        {
            var left = expected.Split('\n');
            var right = actual.Split('\n');
            var first = 0;
            while (first < left.Length && first < right.Length && left[first] == right[first]) first++;
            var lastLeft = left.Length - 1;
            var lastRight = right.Length - 1;
            while (lastLeft >= first && lastRight >= first && left[lastLeft] == right[lastRight])
            {
                lastLeft--;
                lastRight--;
            }

            var builder = new StringBuilder();
            builder.Append("@@ line ").Append(first + 1).Append(" @@\n");
            for (var i = Math.Max(0, first - 3); i < first; i++) builder.Append("  ").Append(left[i]).Append('\n');
            foreach (var line in left.Skip(first).Take(Math.Min(lastLeft - first + 1, 40))) builder.Append("- ").Append(line).Append('\n');
            foreach (var line in right.Skip(first).Take(Math.Min(lastRight - first + 1, 40))) builder.Append("+ ").Append(line).Append('\n');
            return builder.ToString();
        }
    }
}
