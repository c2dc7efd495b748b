import { StateDiagram } from "@/components/diagrams/state-diagram";
import { jobDiagram } from "@/components/diagrams/state-layout.ts";
import type { JobState } from "@/lib/domain/states.ts";

const diagram = jobDiagram();

/** The job life cycle (R-J, R-F), with the job's current state outlined. */
export function JobStateDiagram({
  current,
  id = "job-state-diagram",
}: {
  current?: JobState;
  id?: string;
}) {
  return (
    <StateDiagram
      id={id}
      title="Job life cycle"
      description="The states a job moves through, from Creating down to Completed or Closed, with Faulted to the side and automatic deletion at the end."
      diagram={diagram}
      current={current}
    />
  );
}
