%% The BEAM side of the runtime benchmarks (tests/Otp.Benchmarks). Each benchmark here has a
%% twin in C# that measures the same thing the same way: a warm-up run, then several timed
%% repetitions, of which the harness reports the median.
%%
%% The C# harness passes the sizes, so they are written down in one place
%% (tests/Otp.Benchmarks/Harness/BenchmarkConfig.cs), and runs one benchmark per invocation,
%% alternating with its C# twin so that both sides of a pair see the same load. By hand:
%%   erlc -o /tmp/ob otp_bench.erl
%%   erl +P 2000000 -noshell -pa /tmp/ob -run otp_bench main ring 3 20000 20000 1000 10 2000000 10000 0,1000,10000 1000 10000 100 1000
%% Arguments: the benchmark (spawn, ping_pong, ring, burst, scan_receive, ref_receive, tables or
%% all), then repetitions, spawned processes, round trips, ring size, laps, messages scanned per
%% scan-receive repetition, ref-tagged receives, backlogs, table keys, table operations per
%% process, burst senders, messages per burst sender. Prints "system <version>", then one
%% line per timed repetition, "<benchmark> <metric> <value>", and "done" at the end.
-module(otp_bench).
-export([main/1]).

main([Which, Reps, Spawn, PingPong, RingSize, Laps, Scanned, RefReceives, Backlogs, TableKeys, TableOps,
      BurstSenders, BurstMessages]) ->
    Int = fun list_to_integer/1,
    Cfg = #{reps => Int(Reps), spawn => Int(Spawn), ping_pong => Int(PingPong),
            ring => {Int(RingSize), Int(Laps)}, scanned => Int(Scanned),
            ref_receives => Int(RefReceives),
            backlogs => [Int(B) || B <- string:lexemes(Backlogs, ",")],
            table_keys => Int(TableKeys), table_ops => Int(TableOps),
            burst => {Int(BurstSenders), Int(BurstMessages)}},
    io:format("system ~s", [erlang:system_info(system_version)]),
    Benchmarks = case Which of
                     "all" -> [spawn, ping_pong, ring, burst, scan_receive, ref_receive, tables];
                     _ -> [list_to_existing_atom(Which)]
                 end,
    [run(B, Cfg) || B <- Benchmarks],
    io:format("done~n"),
    halt(0).

run(spawn, Cfg) ->
    repeat(maps:get(reps, Cfg), fun() -> spawn_bench(maps:get(spawn, Cfg)) end);
run(ping_pong, Cfg) ->
    repeat(maps:get(reps, Cfg), fun() -> ping_pong(maps:get(ping_pong, Cfg)) end);
run(ring, Cfg) ->
    {RingSize, Laps} = maps:get(ring, Cfg),
    repeat(maps:get(reps, Cfg), fun() -> ring(RingSize, Laps) end);
run(burst, Cfg) ->
    {Senders, PerSender} = maps:get(burst, Cfg),
    repeat(maps:get(reps, Cfg), fun() -> burst(Senders, PerSender) end);
run(scan_receive, Cfg) ->
    [repeat(maps:get(reps, Cfg), fun() -> scan_receive(Backlog, receives_for(Backlog, Cfg)) end)
     || Backlog <- maps:get(backlogs, Cfg)];
run(ref_receive, Cfg) ->
    [repeat(maps:get(reps, Cfg), fun() -> ref_receive(Backlog, maps:get(ref_receives, Cfg)) end)
     || Backlog <- maps:get(backlogs, Cfg)];
run(tables, Cfg) ->
    repeat(maps:get(reps, Cfg), fun() -> tables(maps:get(table_keys, Cfg), maps:get(table_ops, Cfg)) end).

%% Enough receives that each repetition scans about the same number of messages.
receives_for(Backlog, Cfg) -> max(100, min(100000, maps:get(scanned, Cfg) div max(1, Backlog))).

%% One untimed warm-up, then N timed repetitions (each reports its own figures).
repeat(N, Fun) ->
    put(report, false), Fun(),
    put(report, true), [Fun() || _ <- lists:seq(1, N)],
    ok.

report(Bench, Metric, Value) ->
    case get(report) of
        true -> io:format("~s ~s ~.6f~n", [Bench, Metric, float(Value)]);
        false -> ok
    end.

%% Runs Fun in a fresh process, so that each benchmark starts with a clean heap and mailbox.
in_process(Fun) ->
    Report = get(report),
    {Pid, Mon} = spawn_monitor(fun() -> put(report, Report), exit({result, Fun()}) end),
    receive {'DOWN', Mon, process, Pid, {result, R}} -> R;
            {'DOWN', Mon, process, Pid, Other} -> exit(Other)
    end.

now_ns() -> erlang:monotonic_time(nanosecond).

%% ---- spawn: N processes that each wait in receive ----------------------------------------

spawn_bench(N) ->
    in_process(fun() ->
        Baseline = erlang:system_info(process_count),
        garbage_collect(),
        Ready = counters:new(1, [write_concurrency]),
        Mem0 = erlang:memory(processes),
        T0 = now_ns(),
        Pids = spawn_waiters(N, Ready, []),
        wait_for(Ready, N),
        T1 = now_ns(),
        Mem1 = erlang:memory(processes),
        report(spawn, us_per_spawn, (T1 - T0) / 1000 / N),
        report(spawn, bytes_per_process, (Mem1 - Mem0) / N),
        [P ! stop || P <- Pids],
        wait_until_gone(Baseline)
    end).

spawn_waiters(0, _, Acc) -> Acc;
spawn_waiters(N, Ready, Acc) ->
    P = spawn(fun() -> counters:add(Ready, 1, 1), receive stop -> ok end end),
    spawn_waiters(N - 1, Ready, [P | Acc]).

%% Waits until every spawned process has reached its receive.
wait_for(Ready, N) ->
    case counters:get(Ready, 1) of
        N -> ok;
        _ -> erlang:yield(), wait_for(Ready, N)
    end.

wait_until_gone(Baseline) ->
    case erlang:system_info(process_count) > Baseline of
        true -> receive after 1 -> wait_until_gone(Baseline) end;
        false -> ok
    end.

%% ---- ping-pong: N round trips between two processes -------------------------------------

ping_pong(N) ->
    in_process(fun() ->
        Me = self(),
        Pong = spawn(fun() -> pong(Me) end),
        T0 = now_ns(),
        ping(Pong, N),
        T1 = now_ns(),
        Pong ! stop,
        report(ping_pong, us_per_round_trip, (T1 - T0) / 1000 / N)
    end).

ping(_, 0) -> ok;
ping(Pong, N) ->
    Pong ! {ping, N},
    receive {pong, N} -> ping(Pong, N - 1) end.

pong(Ping) ->
    receive
        {ping, N} -> Ping ! {pong, N}, pong(Ping);
        stop -> ok
    end.

%% ---- ring: a token passed round Size processes, Laps times -------------------------------

ring(Size, Laps) ->
    in_process(fun() ->
        Main = self(),
        First = spawn(fun() -> receive {next, Next} -> relay(Next, Main) end end),
        Others = build_chain(Size - 1, First, Main, []),
        First ! {next, hd(Others)},
        Hops = Size * Laps,
        T0 = now_ns(),
        First ! Hops,
        receive ring_done -> ok end,
        T1 = now_ns(),
        report(ring, ns_per_hop, (T1 - T0) / Hops),
        [P ! stop || P <- [First | Others]],
        ok
    end).

%% Each new process forwards to the one spawned before it; the newest is at the head.
build_chain(0, _, _, Acc) -> Acc;
build_chain(N, Next, Main, Acc) ->
    P = spawn(fun() -> relay(Next, Main) end),
    build_chain(N - 1, P, Main, [P | Acc]).

relay(Next, Main) ->
    receive
        0 -> Main ! ring_done, relay(Next, Main);
        K when is_integer(K) -> Next ! K - 1, relay(Next, Main);
        stop -> ok
    end.

%% ---- burst: Senders processes each send PerSender messages to one receiver -------------

burst(Senders, PerSender) ->
    in_process(fun() ->
        Main = self(),
        Total = Senders * PerSender,
        Receiver = spawn(fun() -> burst_receive(Total), Main ! burst_done end),
        Ready = counters:new(1, [write_concurrency]),
        Pids = [spawn(fun() -> counters:add(Ready, 1, 1), receive go -> burst_send(Receiver, PerSender) end end)
                || _ <- lists:seq(1, Senders)],
        wait_for(Ready, Senders),
        T0 = now_ns(),
        [P ! go || P <- Pids],
        receive burst_done -> ok end,
        T1 = now_ns(),
        report(burst, messages_per_s, Total / ((T1 - T0) / 1.0e9))
    end).

burst_receive(0) -> ok;
burst_receive(N) -> receive _ -> burst_receive(N - 1) end.

burst_send(_, 0) -> ok;
burst_send(Receiver, N) -> Receiver ! {burst, N}, burst_send(Receiver, N - 1).

%% ---- selective receive past a backlog of unmatched messages ------------------------------

%% The general receive: every receive scans past the whole backlog to reach the match.
scan_receive(Backlog, Receives) ->
    in_process(fun() ->
        fill(Backlog),
        T0 = now_ns(),
        scan_loop(Receives),
        T1 = now_ns(),
        report(scan_receive, backlog_metric(Backlog), (T1 - T0) / 1000 / Receives)
    end).

scan_loop(0) -> ok;
scan_loop(N) ->
    self() ! {match, N},
    receive {match, _} -> scan_loop(N - 1) end.

%% The reference-tagged receive: the compiler marks the queue at make_ref(), so the receive
%% skips every message that was already there (the request/reply optimisation).
ref_receive(Backlog, Receives) ->
    in_process(fun() ->
        fill(Backlog),
        T0 = now_ns(),
        ref_loop(Receives),
        T1 = now_ns(),
        report(ref_receive, backlog_metric(Backlog), (T1 - T0) / 1000 / Receives)
    end).

ref_loop(0) -> ok;
ref_loop(N) ->
    Ref = make_ref(),
    self() ! {Ref, reply},
    receive {Ref, reply} -> ref_loop(N - 1) end.

fill(0) -> ok;
fill(N) -> self() ! {junk, N}, fill(N - 1).

backlog_metric(Backlog) -> "us_per_receive@" ++ integer_to_list(Backlog).

%% ---- tables: reads, writes and a 90/10 mix on ETS, by 1 or 2 processes --------------------
%% The twin of Benchmarks/TableBenchmark.cs and TableWorkload.cs: the same cells, the same keys
%% (a stride through Keys), the same values (I band 3); a write to a bag replaces the key's
%% objects (delete, then insert) so that the table keeps its size.

tables(Keys, Ops) ->
    [table_cell(Kind, Mix, Procs, Conc, Keys, Ops)
     || Kind <- [set, ordered_set, bag, duplicate_bag],
        Mix <- [read, write, mix],
        {Procs, Conc} <- [{1, false}, {2, false}, {2, true}]],
    ok.

table_cell(Kind, Mix, Procs, Conc, Keys, Ops) ->
    in_process(fun() ->
        T = ets:new(bench, [Kind, public, {read_concurrency, Conc}, {write_concurrency, Conc}]),
        ets:insert(T, [{K, 0} || K <- lists:seq(0, Keys - 1)]),
        Workers = [spawn_monitor(fun() -> receive go -> ok end, table_ops(T, Kind, Mix, W, Keys, 0, Ops) end)
                   || W <- lists:seq(0, Procs - 1)],
        T0 = now_ns(),
        [P ! go || {P, _} <- Workers],
        [receive {'DOWN', R, process, _, normal} -> ok end || {_, R} <- Workers],
        T1 = now_ns(),
        ets:delete(T),
        Metric = io_lib:format("ops_per_s@~w/~w/~w/~s", [Kind, Mix, Procs, case Conc of true -> rw; false -> plain end]),
        report(tables, lists:flatten(Metric), Ops * Procs / ((T1 - T0) / 1.0e9))
    end).

table_ops(_, _, _, _, _, Ops, Ops) -> ok;
table_ops(T, Kind, Mix, W, Keys, I, Ops) ->
    Key = (I * 7919 + W * 5003) rem Keys,
    case writes(Mix, I) of
        false -> ets:lookup(T, Key);
        true when Kind =:= bag; Kind =:= duplicate_bag -> ets:delete(T, Key), ets:insert(T, {Key, I band 3});
        true -> ets:insert(T, {Key, I band 3})
    end,
    table_ops(T, Kind, Mix, W, Keys, I + 1, Ops).

writes(read, _) -> false;
writes(write, _) -> true;
writes(mix, I) -> I rem 10 =:= 0.
