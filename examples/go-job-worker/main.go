// A Sparrow external job worker in Go: serves the job type demo.external.reverse on its Temporal task queue
// (jobs.demo.external.reverse), as any team's worker in any Temporal SDK can (docs/ARCHITECTURE.md, External job workers).
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
)

// JobInput is what Sparrow gives an external job (contracts/activities.ts ExternalJobInput).
type JobInput struct {
	JobKey            string            `json:"jobKey"` // stable across retries: make side effects idempotent with it
	InstanceID        string            `json:"instanceId"`
	ElementID         string            `json:"elementId"`
	ElementInstanceID string            `json:"elementInstanceId"`
	BpmnProcessID     string            `json:"bpmnProcessId"`
	JobType           string            `json:"jobType"`
	Retries           int               `json:"retries"`
	Headers           map[string]string `json:"headers"`
	Variables         map[string]any    `json:"variables"`
}

// bpmnErrorType is the ApplicationFailure type Sparrow reads as a BPMN error: details are [errorCode, variables].
const bpmnErrorType = "BpmnError"

// Reverse writes the variable `text` backwards, followed by the task header `suffix`; the text "refuse" throws the
// BPMN error REVERSE_REFUSED (an error boundary event can catch it). Its result is the variables to set in the case.
func Reverse(ctx context.Context, job JobInput) (map[string]any, error) {
	text, ok := job.Variables["text"].(string)
	if !ok {
		return nil, fmt.Errorf("job %s: the variable text is not a string", job.JobKey)
	}
	if text == "refuse" {
		return nil, temporal.NewNonRetryableApplicationError("the text may not be reversed", bpmnErrorType, nil,
			"REVERSE_REFUSED", map[string]any{"refusedBecause": "a blocked word"})
	}
	runes := []rune(text)
	for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
		runes[i], runes[j] = runes[j], runes[i]
	}
	activity.GetLogger(ctx).Info("reversed", "jobKey", job.JobKey, "instanceId", job.InstanceID)
	return map[string]any{"reversed": string(runes) + job.Headers["suffix"], "reversedBy": "go"}, nil
}

// env reads a setting from the environment, with a default.
func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func main() {
	address := env("TEMPORAL_ADDRESS", "127.0.0.1:7233")
	namespace := env("TEMPORAL_NAMESPACE", "default")
	jobType := env("JOB_TYPE", "demo.external.reverse")
	taskQueue := env("JOB_TASK_QUEUE", "jobs."+jobType)

	c, err := client.Dial(client.Options{HostPort: address, Namespace: namespace})
	if err != nil {
		log.Fatalf("cannot connect to Temporal at %s: %v", address, err)
	}
	defer c.Close()

	w := worker.New(c, taskQueue, worker.Options{})
	// The activity's name is the job type: Sparrow schedules the job as that activity on the task queue.
	w.RegisterActivityWithOptions(Reverse, activity.RegisterOptions{Name: jobType})
	log.Printf("serving job type %s on task queue %s (Temporal %s, namespace %s)", jobType, taskQueue, address, namespace)
	if err := w.Run(worker.InterruptCh()); err != nil {
		log.Fatalf("worker stopped: %v", err)
	}
}
