using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>The doc comment of one enum member, shared by closed enums and open value types.</summary>
    internal static class EnumDocs
    {
        public static void Member(SourceWriter w, EnumMemberSpec member)
        {
            Docs.Summary(w, Docs.Join("Wire value " + Docs.Code(member.WireValue) + ".", Docs.Text(member.Description)));
            if (member.SupportedBy.Count > 0)
            {
                Docs.Remarks(w, "Supported only by: " + Docs.CodeList(member.SupportedBy) + ".");
            }
        }
    }
}
