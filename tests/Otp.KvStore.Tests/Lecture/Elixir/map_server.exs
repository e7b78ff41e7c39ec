# The lecture's map server in Elixir, written for this comparison: the same name, calls and
# replies as src/Otp.KvStore/Lecture/MapServer.cs. Prints each reply with ~p (Erlang syntax),
# one per line, for MapServerTests to compare with the C# server's replies.
defmodule KvStore.MapServer do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def put(k, v), do: GenServer.call(__MODULE__, {:put, k, v})
  def get(k), do: GenServer.call(__MODULE__, {:get, k})

  @impl true
  def init(map), do: {:ok, map}

  @impl true
  def handle_call({:put, k, v}, _from, map), do: {:reply, :ok, Map.put(map, k, v)}
  def handle_call({:get, k}, _from, map), do: {:reply, Map.get(map, k), map}
end

{:ok, _} = KvStore.MapServer.start_link([])
show = fn x -> IO.puts(:io_lib.format(~c"~p", [x])) end
show.(:erlang.whereis(:"Elixir.KvStore.MapServer") != :undefined)
show.(KvStore.MapServer.get(:a))
show.(KvStore.MapServer.put(:a, 5))
show.(KvStore.MapServer.get(:a))
show.(KvStore.MapServer.put(:a, {:x, [1, 2]}))
show.(KvStore.MapServer.get(:a))
show.(KvStore.MapServer.put({:k, 1}, :v))
show.(KvStore.MapServer.get({:k, 1}))
show.(KvStore.MapServer.put(1, :int))
show.(KvStore.MapServer.get(1))
show.(KvStore.MapServer.get(1.0))
