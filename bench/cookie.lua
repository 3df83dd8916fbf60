-- cookie.lua - the wrk script of bench/run.sh.
--
--   CRM_BENCH_COOKIE  the crm_session token to send; unset or empty: none
--   CRM_BENCH_PATHS   a file of request paths, one a line, requested in
--                     turn; unset or empty: the URL given to wrk
--
-- done() prints one "BENCH key=value ..." line for run.sh to read, so the
-- figures do not depend on how wrk formats its human-readable report.

local cookie = os.getenv("CRM_BENCH_COOKIE") or ""
local paths_file = os.getenv("CRM_BENCH_PATHS") or ""

-- run.sh counts statuses in nginx's access log by this agent, so that
-- other clients of the instance do not count.
wrk.headers["User-Agent"] = "crm-bench"

if cookie ~= "" then
	wrk.headers["Cookie"] = "crm_session=" .. cookie
end

-- setup() and done() run in the main Lua state; each thread has its own.
local threads = {}

function setup(thread)
	thread:set("thread_no", #threads)
	threads[#threads + 1] = thread
end

-- request() only exists when rotating: without it wrk sends one prebuilt
-- request over and over, which is cheaper for the client.
if paths_file ~= "" then
	local paths = {}
	local next_path = 1

	function init(args)
		for line in io.lines(paths_file) do
			if line ~= "" then
				paths[#paths + 1] = line
			end
		end
		if #paths == 0 then
			error(paths_file .. ": no paths")
		end
		-- Each thread starts at its own place, so two threads do not
		-- ask for the same record at the same moment.
		next_path = (thread_no * 7919) % #paths + 1
	end

	function request()
		local path = paths[next_path]
		next_path = next_path % #paths + 1
		return wrk.format(nil, path)
	end
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
	    "BENCH requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f" ..
	    " socket_errors=%d http_errors=%d\n",
	    summary.requests, summary.duration, latency:percentile(50),
	    latency:percentile(99), e.connect + e.read + e.write + e.timeout,
	    e.status))
end
