using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.Generator.Model
{
    /// <summary>Every type to emit, each once, with the schema file it came from; and the names defined differently twice.</summary>
    internal sealed record TypeSet(
        EquatableArray<TypeSet.Entry<ObjectSpec>> Objects,
        EquatableArray<TypeSet.Entry<EnumSpec>> Enums,
        EquatableArray<string> Conflicts)
    {
        public static TypeSet Build(IEnumerable<SchemaSpec> specs)
        {
            var objects = new Dictionary<string, Entry<ObjectSpec>>(StringComparer.Ordinal);
            var enums = new Dictionary<string, Entry<EnumSpec>>(StringComparer.Ordinal);
            var conflicts = new List<string>();
            foreach (var spec in specs)
            {
                foreach (var item in spec.Objects) Add(objects, item.Name, new Entry<ObjectSpec>(item, spec.FileName), conflicts);
                foreach (var item in spec.Enums) Add(enums, item.Name, new Entry<EnumSpec>(item, spec.FileName), conflicts);
            }

            foreach (var name in objects.Keys.Intersect(enums.Keys).ToList())
            {
                conflicts.Add(name + " (an object in " + objects[name].File + ", a value set in " + enums[name].File + ")");
                objects.Remove(name);
                enums.Remove(name);
            }

            return new TypeSet(
                objects.Values.Where(e => !e.Conflicting).OrderBy(e => e.Item.Name, StringComparer.Ordinal).ToEquatableArray(),
                enums.Values.Where(e => !e.Conflicting).OrderBy(e => e.Item.Name, StringComparer.Ordinal).ToEquatableArray(),
                conflicts.ToEquatableArray());
        }

        private static void Add<T>(Dictionary<string, Entry<T>> seen, string name, Entry<T> entry, List<string> conflicts)
            where T : IEquatable<T>
        {
            if (!seen.TryGetValue(name, out var existing))
            {
                seen.Add(name, entry);
            }
            else if (!existing.Item.Equals(entry.Item))
            {
                // Neither definition is emitted: picking one would hide the mistake.
                conflicts.Add(name + " (in " + existing.File + " and " + entry.File + ")");
                seen[name] = existing with { Conflicting = true };
            }
        }

        /// <summary>A type and the schema file that defines it.</summary>
        internal sealed record Entry<T>(T Item, string File, bool Conflicting = false)
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
