using System;
using System.IO;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// A file written under a temporary name beside its target and renamed only once whole, so a failed or cut-off
    /// write never leaves half a file under the name the caller asked for (and an older file there stays until the
    /// new one replaces it).
    /// </summary>
    internal static class TemporaryFile
    {
        /// <summary>A unique name beside <paramref name="path"/>: two writes of the same target never share it.</summary>
        public static string NameFor(string path) => path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";

        /// <summary>Gives the whole file its final name, replacing a file there.</summary>
        public static void Commit(string temporary, string path)
        {
#if NET
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
#endif
        }

        /// <summary>Deletes a temporary file after a failure; a file that cannot be deleted is left, since the failure is what the caller must hear about.</summary>
        public static void Discard(string temporary)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
