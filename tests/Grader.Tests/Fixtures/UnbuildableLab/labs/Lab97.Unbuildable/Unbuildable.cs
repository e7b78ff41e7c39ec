namespace Lab97.Unbuildable;

public static class Unbuildable
{
    public static int Value() => "not a number";
}
