using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CreateImageSdk.CodeFixes
{
    /// <summary>The few syntax edits the fixes make; each keeps the user's own trivia and qualification.</summary>
    internal static class SyntaxEdits
    {
        /// <summary>The expression a diagnostic (or additional) location covers, not the argument around it.</summary>
        public static ExpressionSyntax? ExpressionAt(SyntaxNode root, Location location) =>
            root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

        /// <summary>
        /// <c>ImageQuality.Hd</c> → <c>ImageQuality.Standard</c>: only the member name changes, so the type stays
        /// written the way the user wrote it (qualified, aliased or through <c>using static</c>).
        /// </summary>
        public static ExpressionSyntax? WithMemberName(ExpressionSyntax expression, string memberName) => expression switch
        {
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(memberName).WithTriviaFrom(access.Name)),
            IdentifierNameSyntax name => SyntaxFactory.IdentifierName(memberName).WithTriviaFrom(name),
            _ => null,
        };

        public static ExpressionSyntax Number(long value, ExpressionSyntax replaced)
        {
            var magnitude = value < 0 ? -value : value;
            var literal = SyntaxFactory.LiteralExpression(
                SyntaxKind.NumericLiteralExpression,
                magnitude <= int.MaxValue ? SyntaxFactory.Literal((int)magnitude) : SyntaxFactory.Literal(magnitude));
            ExpressionSyntax number = value < 0 ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
            return number.WithTriviaFrom(replaced);
        }

        /// <summary>Removes a <c>.WithX(...)</c> link from its chain or an assignment from its object initializer.</summary>
        public static SyntaxNode? RemoveSetting(SyntaxNode root, SyntaxNode setting)
        {
            switch (setting)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                    // The receiver takes the call's trailing trivia: the line break before the next link, or none before ';'.
                    return root.ReplaceNode(invocation, access.Expression.WithTrailingTrivia(invocation.GetTrailingTrivia()));

                case AssignmentExpressionSyntax assignment when assignment.Parent is InitializerExpressionSyntax initializer:
                    var expressions = initializer.Expressions;
                    var index = expressions.IndexOf(assignment);
                    var remaining = expressions.RemoveAt(index);
                    if (index == expressions.Count - 1 && expressions.SeparatorCount < expressions.Count && remaining.Count > 0)
                    {
                        // The last entry went with the comma before it; the new last entry keeps the space or line break before '}'.
                        var last = remaining[remaining.Count - 1];
                        remaining = remaining.Replace(last, last.WithTrailingTrivia(assignment.GetTrailingTrivia()));
                    }

                    return root.ReplaceNode(initializer, initializer.WithExpressions(remaining));

                default:
                    return null;
            }
        }

        public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
