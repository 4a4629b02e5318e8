using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// What the model value type adds to an open value set: whose per-model rules check a value. A known model is
    /// checked by its own; a dated snapshot of a known model (<c>gpt-image-2-2026-09-01</c>) by its base's, as the
    /// service's snapshots behave; a new model may borrow a known model's rules explicitly; and an unchecked model is
    /// checked only by the rules every model shares. The wire id is always exactly what the caller gave.
    /// </summary>
    internal static class ModelKinshipEmitter
    {
        /// <summary>The fields and constructors: the wire id, and the id of the model whose rules apply.</summary>
        public static void EmitFields(SourceWriter w, string name)
        {
            w.Line("// Null: decided by the id (a known model, or a dated snapshot of one); empty: no model's rules (Unchecked);");
            w.Line("// otherwise the id of the known model whose rules check this one (Custom(value, rulesOf)).");
            w.Line("private readonly string? _rulesOf;");
            w.Line();
            w.Line("private " + name + "(string value)");
            w.Line("{");
            w.Line("    _value = value;");
            w.Line("    _rulesOf = null;");
            w.Line("}");
            w.Line();
            w.Line("private " + name + "(string value, string rulesOf)");
            w.Line("{");
            w.Line("    _value = value;");
            w.Line("    _rulesOf = rulesOf;");
            w.Line("}");
        }

        public static void EmitMembers(SourceWriter w, EnumSpec spec)
        {
            var name = spec.Name;
            var known = string.Join(", ", spec.Members.Select(m => m.WireValue));
            Docs.Summary(w, "Names a model this SDK does not know, checked by the per-model rules of a known one: for a model announced before the SDK lists it, whose rules are those of a model it follows. The id goes on the wire exactly as given.");
            w.Line("/// <param name=\"value\">The exact model id to send, e.g. <c>gpt-image-2.5-flare</c>.</param>");
            w.Line("/// <param name=\"rulesOf\">The model whose rules (values, ranges, parameters) apply, and whose typed builder (<c>Using…(model)</c>) takes this one.</param>");
            w.Line("/// <returns>The model; equal to any other value with the same id.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"value\"/> is blank, or <paramref name=\"rulesOf\"/> has no rules of its own (an unknown or unchecked model).</exception>");
            w.Open("public static " + name + " Custom(string value, " + name + " rulesOf)");
            w.Open("if (string.IsNullOrWhiteSpace(value))");
            w.Line("throw new global::System.ArgumentException(" + Identifiers.Literal(name + ".Custom needs a non-empty value. Known values: " + known + ".") + ", nameof(value));");
            w.Close();
            w.Line();
            w.Line("var rules = rulesOf.RulesOf ?? throw new global::System.ArgumentException(");
            w.Line("    \"rulesOf must be a model this SDK has rules for (\" + " + Identifiers.Literal(known) + " + \", or a dated snapshot of one); \" + (rulesOf.Value.Length == 0 ? \"it is default\" : \"'\" + rulesOf.Value + \"' has none\") + \".\", nameof(rulesOf));");
            w.Line("return new " + name + "(value, rules.Value);");
            w.Close();
            w.Line();
            Docs.Summary(w, "Names a model whose requests are checked only by the rules every model shares (lengths, ranges), not by any model's list of values: to send a value this SDK does not know for that model yet.");
            w.Line("/// <param name=\"value\">The exact model id to send; a known id is allowed (<c>Unchecked(\"gpt-image-2\")</c> sends <c>gpt-image-2</c> without its per-model checks).</param>");
            w.Line("/// <returns>The model; equal to any other value with the same id.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"value\"/> is null, empty or white space.</exception>");
            w.Open("public static " + name + " Unchecked(string value)");
            w.Open("if (string.IsNullOrWhiteSpace(value))");
            w.Line("throw new global::System.ArgumentException(" + Identifiers.Literal(name + ".Unchecked needs a non-empty value. Known values: " + known + ".") + ", nameof(value));");
            w.Close();
            w.Line();
            w.Line("return new " + name + "(value, string.Empty);");
            w.Close();
            w.Line();
            Docs.Summary(w, "The known model whose per-model rules check this one: itself when known; the base of a dated snapshot (<c>gpt-image-2-2026-09-01</c> → <c>gpt-image-2</c>); the model given to <see cref=\"Custom(string, " + name + ")\"/>. Null when only the rules every model shares apply: an unknown model, or one made by <see cref=\"Unchecked(string)\"/>.");
            w.Open("public " + name + "? RulesOf");
            w.Open("get");
            w.Line("var key = RulesKey;");
            w.Line("foreach (var known in KnownValues)");
            w.Line("{");
            w.Line("    if (string.Equals(known._value, key, global::System.StringComparison.Ordinal)) return known;");
            w.Line("}");
            w.Line();
            w.Line("return null;");
            w.Close();
            w.Close();
            w.Line();
            Docs.Summary(w, "Whether the per-model checks are skipped for this model on purpose (<see cref=\"Unchecked(string)\"/>).");
            w.Line("public bool IsUnchecked => _rulesOf is { Length: 0 };");
            w.Line();
            w.Line("/// <summary>The id the generated per-model rules compare with: the rules' model, empty for an unchecked one, else the id itself (which names no rule).</summary>");
            w.Line("internal string RulesKey => _rulesOf ?? (IsKnown ? Value : SnapshotBase(Value) ?? Value);");
            w.Line();
            w.Line("/// <summary>The known model a dated snapshot id (<c>{model}-YYYY-MM-DD</c>) belongs to, or null.</summary>");
            w.Open("private static string? SnapshotBase(string value)");
            w.Line("var model = global::CreateImageSdk.Validation.DatedSnapshot.BaseOf(value);");
            w.Line("if (model is null) return null;");
            w.Line("foreach (var known in KnownValues)");
            w.Line("{");
            w.Line("    if (string.Equals(known._value, model, global::System.StringComparison.Ordinal)) return model;");
            w.Line("}");
            w.Line();
            w.Line("return null;");
            w.Close();
            w.Line();
            w.Line("/// <summary>For a model-specific builder: <paramref name=\"model\"/> when it is checked by the rules of <paramref name=\"rules\"/> (named <paramref name=\"member\"/>).</summary>");
            w.Open("internal static " + name + " Checked(" + name + " model, " + name + " rules, string member, string parameter)");
            w.Line("if (string.Equals(model.RulesKey, rules.Value, global::System.StringComparison.Ordinal)) return model;");
            w.Line("throw new global::System.ArgumentException(");
            w.Line("    \"model '\" + model.Value + \"' is not checked by the rules of '\" + rules.Value + \"', so its builder cannot send it; to borrow them, name it with " + name + ".Custom(\\\"\" + model.Value + \"\\\", rulesOf: " + name + ".\" + member + \"), or use the general builder.\", parameter);");
            w.Close();
        }
    }
}
