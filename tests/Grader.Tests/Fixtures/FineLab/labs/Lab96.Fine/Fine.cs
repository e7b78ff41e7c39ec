namespace Lab96.Fine;

public static class Fine
{
    public static int Value() => 7;
}
