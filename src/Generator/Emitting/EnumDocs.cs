using System.Linq;
using CreateImageSdk.Generator.Binding;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>The doc comment of one enum member, shared by closed enums and open value types.</summary>
    internal static class EnumDocs
    {
        /// <param name="w">Where to write.</param>
        /// <param name="member">The value.</param>
        /// <param name="notes">What the operations' rules say about each value (only this member's are printed).</param>
        public static void Member(SourceWriter w, EnumMemberSpec member, EquatableArray<MemberNote> notes)
        {
            Docs.Summary(w, Docs.Join("Wire value " + Docs.Code(member.WireValue) + ".", Docs.Text(member.Description)));
            var mine = notes.Where(n => n.WireValue == member.WireValue).Select(n => n.Text).ToList();
            if (mine.Count > 0) Docs.Remarks(w, string.Join("\n", mine));
        }
    }
}
