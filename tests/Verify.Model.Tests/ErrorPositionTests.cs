using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Model.Language;

namespace Verify.Model.Tests;

/// <summary>Reported places follow the text: lines and columns added before a mistake move its report by as much.</summary>
public class ErrorPositionTests
{
    [Test]
    public void PlacesShiftWithBlankLinesCommentsAndIndentation()
    {
        var gen =
            from blank in Gen.Choose(0, 5)
            from comments in Gen.Choose(0, 5)
            from indent in Gen.Choose(0, 8)
            from continued in Gen.Elements(true, false)
            select (blank, comments, indent, continued);
        Support.Properties.Check(gen, c =>
        {
            var pad = new string(' ', c.indent);
            var prefix = string.Concat(Enumerable.Repeat("\n", c.blank)) + string.Concat(Enumerable.Repeat("# a (comment \"with\" odd text\n", c.comments));
            // The bad name sits on the statement's second line when it is continued.
            var statement = c.continued ? $"{pad}parameter p : p > 0\n{pad}    + zz\n" : $"{pad}parameter p : p > zz\n";
            var text = "model m\n" + prefix + statement;
            try { ModelLoader.LoadText(text, "m.model"); return false; }
            catch (ModelException e)
            {
                var line = 2 + c.blank + c.comments + (c.continued ? 1 : 0);
                var column = c.indent + (c.continued ? 7 : 19);
                return e.Line == line && e.Column == column && e.Problem == "unknown name 'zz'";
            }
        }, seed: 7, count: 60);
    }

    [Test]
    public void CommentsDoNotHideTheRestOfAString()
    {
        var m = ModelLoader.LoadText("model m # the name\nparameter p : p > 0 \"share # of firms\" # a comment\n", "m.model");
        Assert.That(m.Parameters.Single().Description, Is.EqualTo("share # of firms"));
    }

    [Test]
    public void WindowsLineEndingsReadTheSame()
    {
        var bundled = ModelLoader.LoadBundled();
        var crlf = ModelLoader.LoadText(bundled.Text.Replace("\r\n", "\n").Replace("\n", "\r\n"), "crlf.model");
        Assert.That(crlf.Regimes.Select(r => r.Conditions.Count), Is.EqualTo(bundled.Regimes.Select(r => r.Conditions.Count)));
        Assert.That(crlf.Regimes[1].Conditions[4].Right, Is.EqualTo(bundled.Regimes[1].Conditions[4].Right));

        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText("model m\r\n\r\nparameter p : p > q\r\n", "m.model"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((3, 19)));
    }
}
