using System;
using System.IO;

namespace CreateImageSdk.Generator.Tests.Infrastructure
{
    internal static class RepoPaths
    {
        /// <summary>The repository root: the nearest folder above the test binaries that holds the solution.</summary>
        public static string Root
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CreateImageSdk.sln"))) directory = directory.Parent;
                return directory?.FullName ?? throw new InvalidOperationException("CreateImageSdk.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
