// Every test here runs real builds: one at a time, on a machine whose cores are shared.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
