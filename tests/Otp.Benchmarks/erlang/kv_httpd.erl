%% The BEAM side of the key-value store's wrk comparison (docs/kvstore.md, "Measured"):
%% inets' httpd with one callback module, and a gen_server holding a map, answering the store's
%% routes as the C# HTTP API does: POST /kv/NS/KEY -> 201, GET -> 200 with the body or 404,
%% DELETE -> 200. Not a full copy of the API (no limits, no 405): only what the benchmark calls.
%% Start: erl -noshell -kernel inet_default_listen_options "[{nodelay,true}]" -pa DIR -eval "kv_httpd:start(8090)".
-module(kv_httpd).
-behaviour(gen_server).
-include_lib("inets/include/httpd.hrl").
-export([start/1, do/1]).
-export([init/1, handle_call/3, handle_cast/2]).

start(Port) ->
    {ok, _} = gen_server:start({local, kv_httpd_store}, ?MODULE, #{}, []),
    ok = inets:start(),
    {ok, _} = inets:start(httpd, [{port, Port}, {server_name, "kv"}, {server_root, "/tmp"},
                                  {document_root, "/tmp"}, {bind_address, {127,0,0,1}},
                                  {modules, [?MODULE]}]),
    io:format("kv_httpd on http://127.0.0.1:~p/~n", [Port]).

%% httpd callback: one request.
do(#mod{method = Method, request_uri = Uri, entity_body = Body, parsed_header = Headers}) ->
    case string:split(Uri, "/", all) of
        ["", "kv", Ns, Key] when Ns =/= "", Key =/= "" -> {proceed, [{response, route(Method, {Ns, Key}, Body, Headers)}]};
        _ -> {proceed, [{response, {400, "bad path\n"}}]}
    end.

route("POST", K, Body, Headers) ->
    Type = proplists:get_value("content-type", Headers, "application/octet-stream"),
    ok = gen_server:call(kv_httpd_store, {set, K, {Type, list_to_binary(Body)}}),
    {201, "created\n"};
route("GET", K, _, _) ->
    case gen_server:call(kv_httpd_store, {get, K}) of
        {ok, {Type, Value}} ->
            {response, [{code, 200}, {content_type, Type}, {content_length, integer_to_list(byte_size(Value))}], [Value]};
        not_found -> {404, "not found\n"}
    end;
route("DELETE", K, _, _) ->
    ok = gen_server:call(kv_httpd_store, {delete, K}),
    {200, "deleted\n"};
route(_, _, _, _) ->
    {405, "method not allowed\n"}.

init(Map) -> {ok, Map}.
handle_call({set, K, V}, _From, Map) -> {reply, ok, Map#{K => V}};
handle_call({get, K}, _From, Map) ->
    case Map of
        #{K := V} -> {reply, {ok, V}, Map};
        _ -> {reply, not_found, Map}
    end;
handle_call({delete, K}, _From, Map) -> {reply, ok, maps:remove(K, Map)}.
handle_cast(_, Map) -> {noreply, Map}.
