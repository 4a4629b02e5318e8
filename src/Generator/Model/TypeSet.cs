using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.Generator.Model
{
    /// <summary>Every type to emit, each once, with the schema file it came from; and the names defined differently twice.</summary>
    internal sealed record TypeSet(
        EquatableArray<TypeSet.Entry<ObjectSpec>> Objects,
        EquatableArray<TypeSet.Entry<EnumSpec>> Enums,
        EquatableArray<TypeSet.Conflict> Conflicts)
    {
        public static TypeSet Build(IEnumerable<SchemaSpec> specs)
        {
            var objects = new Dictionary<string, Entry<ObjectSpec>>(StringComparer.Ordinal);
            var enums = new Dictionary<string, Entry<EnumSpec>>(StringComparer.Ordinal);
            var conflicts = new List<Conflict>();
            foreach (var spec in specs)
            {
                foreach (var item in spec.Objects) Add(objects, item.Name, new Entry<ObjectSpec>(item, spec.FileName, spec.FilePath), conflicts);
                foreach (var item in spec.Enums) Add(enums, item.Name, new Entry<EnumSpec>(item, spec.FileName, spec.FilePath), conflicts);
            }

            foreach (var name in objects.Keys.Intersect(enums.Keys).ToList())
            {
                conflicts.Add(new Conflict(name + " (an object in " + objects[name].File + ", a value set in " + enums[name].File + ")", enums[name].Path));
                objects.Remove(name);
                enums.Remove(name);
            }

            return new TypeSet(
                objects.Values.Where(e => !e.Conflicting).OrderBy(e => e.Item.Name, StringComparer.Ordinal).ToEquatableArray(),
                enums.Values.Where(e => !e.Conflicting).OrderBy(e => e.Item.Name, StringComparer.Ordinal).ToEquatableArray(),
                conflicts.ToEquatableArray());
        }

        private static void Add<T>(Dictionary<string, Entry<T>> seen, string name, Entry<T> entry, List<Conflict> conflicts)
            where T : IEquatable<T>
        {
            if (!seen.TryGetValue(name, out var existing))
            {
                seen.Add(name, entry);
            }
            else if (!existing.Item.Equals(entry.Item))
            {
                // Neither definition is emitted: picking one would hide the mistake.
                conflicts.Add(new Conflict(name + " (in " + existing.File + " and " + entry.File + ")", entry.Path));
                seen[name] = existing with { Conflicting = true };
            }
        }

        /// <summary>A name defined differently twice, and the schema file where the second definition is.</summary>
        internal sealed record Conflict(string Text, string Path);

        /// <summary>A type and the schema file that defines it.</summary>
        internal sealed record Entry<T>(T Item, string File, string Path = "", bool Conflicting = false)
            where T : IEquatable<T>
        {
            public void Deconstruct(out T item, out string file)
            {
                item = Item;
                file = File;
            }
        }
    }
}
