package sockets101.grader.remote;

/** An object of the grader's that stands for one held by the submission's JVM. */
interface RemoteObject {
    Values.Ref ref();
}
