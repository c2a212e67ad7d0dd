package io.revlens.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on a run's working folder ({@code <out>/.revlens.lock}), so two processes
 * never load into the same DuckDB file or overwrite each other's outputs. The OS releases it
 * when the process dies, so a killed run never leaves a stale lock behind.
 */
public final class WorkingFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WorkingFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once with a message naming the folder and the holder's PID. */
    public static WorkingFolderLock acquire(Path folder) throws IOException {
        Path file = folder.resolve(".revlens.lock");
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                throw new AccessDeniedException(folder.toString());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new BadInputException("Cannot write to the output folder " + folder + " (" + describe(e)
                    + "); fix its permissions or choose another --out. Nothing was changed in it.");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new WorkingFolderBusyException("Another RevLens run" + (holder.isEmpty() ? "" : " (PID " + holder + ")")
                    + " is using the working folder " + folder + "; wait for it to finish or choose another --out");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new WorkingFolderLock(channel, lock);
    }

    private static String describe(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    /** Whether a live process holds the lock of this folder now (a killed run's lock is released by the OS). */
    public static boolean isHeld(Path folder) {
        Path file = folder.resolve(".revlens.lock");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** The working folder is held by another process. */
    public static class WorkingFolderBusyException extends RuntimeException {
        public WorkingFolderBusyException(String message) {
            super(message);
        }
    }
}
