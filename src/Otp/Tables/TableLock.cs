namespace Otp.Tables;

/// <summary>
/// The lock of a table (or of one stripe of it). Without read concurrency, readers and writers
/// take turns on one plain lock, which is cheapest when operations rarely overlap. With it,
/// readers share a reader-writer lock, which costs more per operation but lets reads overlap.
/// </summary>
internal abstract class TableLock
{
    public static TableLock Create(bool readConcurrency) => readConcurrency ? new Shared() : new Exclusive();

    public abstract void EnterRead();

    public abstract void ExitRead();

    public abstract void EnterWrite();

    public abstract void ExitWrite();

    private sealed class Exclusive : TableLock
    {
        private readonly Lock _lock = new();

        public override void EnterRead() => _lock.Enter();

        public override void ExitRead() => _lock.Exit();

        public override void EnterWrite() => _lock.Enter();

        public override void ExitWrite() => _lock.Exit();
    }

    private sealed class Shared : TableLock
    {
        private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

        public override void EnterRead() => _lock.EnterReadLock();

        public override void ExitRead() => _lock.ExitReadLock();

        public override void EnterWrite() => _lock.EnterWriteLock();

        public override void ExitWrite() => _lock.ExitWriteLock();
    }
}
