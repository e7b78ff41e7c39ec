namespace Workbook.Notebooks.Helpers.Charts;

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Name">The legend's text.</param>
/// <param name="Colour">An SVG colour such as <c>#c33</c>.</param>
/// <param name="Values">One value per x position of the chart.</param>
/// <param name="Dashed">Draws the line dashed (for a second runtime measured the same way).</param>
public sealed record Series(string Name, string Colour, IReadOnlyList<double> Values, bool Dashed = false);
