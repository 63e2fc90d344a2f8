package io.flowdoctor.api;

/** The OpenAPI examples of POST /api/v1/runs/diagnoses: one body of each shape it reads. */
final class RunPayloadExamples {

    static final String POWER_AUTOMATE = """
            {"workflow": {"id": "/providers/Microsoft.Flow/flows/5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10",
              "name": "5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10", "type": "Microsoft.Logic/workflows",
              "tags": {"flowDisplayName": "Leave request", "environmentName": "Default-7c1f4a52-3b8d-4e9a-a6f0-2d5e8b9c1a34",
                "logicAppName": "5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10"},
              "run": {"id": "/providers/Microsoft.Flow/flows/5f8d3a1e-0c3b-4a8e-9d58-6b2b1d2f7c10/runs/08584791063420374937",
                "name": "08584791063420374937", "type": "Microsoft.Logic/workflows/runs"}},
             "result": [
              {"name": "Get_manager_(V2)", "startTime": "2026-11-27T10:14:59.1Z", "endTime": "2026-11-27T10:15:00Z",
               "status": "Failed", "code": "NotFound",
               "inputs": {"host": {"connectionName": "shared_office365users", "operationId": "Manager_V2",
                 "apiId": "/providers/Microsoft.PowerApps/apis/shared_office365users"}, "parameters": {"id": "jan@contoso.com"}},
               "outputs": {"statusCode": 404,
                 "body": {"status": 404, "message": "No manager found for the specified user."}}}]}
            """;

    static final String RESULT_ARRAY = """
            [{"name": "HTTP", "status": "Failed", "code": "NotFound", "endTime": "2016-08-11T03:18:20.2598835Z",
              "outputs": {"statusCode": 404,
                "body": {"code": "ResourceNotFound", "message": "/docs/folder-name/resource-name does not exist"}}}]
            """;

    static final String RUN_ACTIONS = """
            {"value": [{"id": "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/test-resource-group/providers/Microsoft.Logic/workflows/test-workflow/runs/08586676746934337772206998657CU22/actions/HTTP",
              "name": "HTTP", "type": "Microsoft.Logic/workflows/runs/actions",
              "properties": {"startTime": "2018-08-10T20:16:32.305236Z", "endTime": "2018-08-10T20:16:32.5450625Z",
                "status": "Failed", "code": "BadGateway",
                "error": {"code": "BadGateway", "message": "The remote server returned an unexpected response: (502) Bad Gateway."}}}]}
            """;

    static final String RECORDS = """
            {"records": [{"time": "2019-07-15T18:00:22.6235064Z",
              "resourceId": "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/JOHNKEMTEST/PROVIDERS/MICROSOFT.LOGIC/WORKFLOWS/JOHNKEMTESTLA/RUNS/08587330013509921957/ACTIONS/SEND_EMAIL",
              "category": "WorkflowRuntime", "level": "Error", "operationName": "Microsoft.Logic/workflows/workflowActionCompleted",
              "properties": {"startTime": "2016-07-15T17:58:55.048482Z", "endTime": "2016-07-15T18:00:22.4109204Z",
                "status": "Failed", "code": "BadGateway",
                "resource": {"subscriptionId": "00000000-0000-0000-0000-000000000000", "resourceGroupName": "JohnKemTest",
                  "workflowId": "243aac67fe904cf195d4a28297803785", "workflowName": "JohnKemTestLA",
                  "runId": "08587330013509921957", "location": "westus", "actionName": "Send_email"}}}]}
            """;

    private RunPayloadExamples() {
    }
}
