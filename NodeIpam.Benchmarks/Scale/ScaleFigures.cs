namespace NodeIpam.Benchmarks.Scale;

/// <summary>Everything one <c>scale</c> run measured; serialized as the JSON output.</summary>
internal sealed class ScaleFigures
{
    public string Machine { get; set; } = "";

    /// <summary>How the simulator served the operator and the benchmark's clients.</summary>
    public string ApiServer { get; set; } = "";
    public int Cores { get; set; }
    public string LoadAverageAtStart { get; set; } = "";
    public string LoadAverageAtEnd { get; set; } = "";
    public int Nodes { get; set; }
    public int Services { get; set; }
    public int LocalServices { get; set; }
    public int Endpoints { get; set; }
    public int AdvertisedAddresses { get; set; }
    public double ClusterServiceAddressesAverage { get; set; }
    public int NodeJsonBytes { get; set; }
    public double SeedSeconds { get; set; }
    public double PlanAllMilliseconds { get; set; }

    public double EmptyClusterWorkingSetMegabytes { get; set; }

    public double OneServiceWorkingSetMegabytes { get; set; }

    /// <summary>Seconds the full cluster's working set took to settle before the steady figure was read.</summary>
    public double SteadySettleSeconds { get; set; }
    public double IdealClientSeconds { get; set; }
    public double WriteRatePerSecond { get; set; }
    public int WritesNeeded { get; set; }
    public double ColdStartBoundSeconds { get; set; }
    public double ColdStartSeconds { get; set; }
    public double ColdStartFirstWriteSeconds { get; set; }
    public double ColdStartWritePhaseSeconds { get; set; }
    public bool ColdStartConverged { get; set; }
    public int ColdStartWrites { get; set; }
    public double ColdStartReconciles { get; set; }
    public double ColdStartCpuSeconds { get; set; }

    public int Heartbeats { get; set; }
    public double HeartbeatSendSeconds { get; set; }
    public int HeartbeatStatusWrites { get; set; }
    public double HeartbeatReconciles { get; set; }
    public double HeartbeatCpuSeconds { get; set; }

    public ChangeFigures LabelChanges { get; set; } = new();
    public ChangeFigures EndpointNotReady { get; set; } = new();
    public ChangeFigures EndpointReady { get; set; } = new();

    public double PeakWorkingSetMegabytes { get; set; }
    public double SteadyWorkingSetMegabytes { get; set; }
    public double CpuSecondsTotal { get; set; }
    public double SteadyRequestsPerSecond { get; set; }
    public string SteadyRequests { get; set; } = "";
    public double SteadyCpuPercent { get; set; }
    public bool FinalStatusesCorrect { get; set; }
    public int FinalWrongServices { get; set; }

    public List<GoalResult> Goals { get; set; } = [];
}

/// <summary>One kind of relevant change, repeated: latency to the last affected Service's status, and writes.</summary>
internal sealed class ChangeFigures
{
    public int Changes { get; set; }
    public int Converged { get; set; }
    public List<double> LatenciesMilliseconds { get; set; } = [];
    public double P50Milliseconds { get; set; }
    public double P99Milliseconds { get; set; }
    public double MaxMilliseconds { get; set; }
    public int AffectedServices { get; set; }
    public int StatusWrites { get; set; }
    public int ChangesWithOtherWriteCount { get; set; }
}

/// <summary>A goal of issue 7 and how this run compares.</summary>
internal sealed record GoalResult(string Goal, bool Pass, string Measured, string Margin);
