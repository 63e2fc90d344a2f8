// Streams a Logic App's WorkflowRuntime resource logs (run, trigger and action events) to an event hub,
// where Flow Doctor reads them (POST /api/v1/runs/diagnoses takes the same {"records": [...]} bodies).
// Deploy into the Logic App's resource group:
//   az deployment group create -g <resource-group> -f workflow-runtime-to-event-hub.bicep \
//     -p logicAppName=<logic app> eventHubNamespaceName=<namespace> eventHubName=flowdoctor-runs

@description('The Logic App (Consumption) whose runs Flow Doctor diagnoses')
param logicAppName string

@description('An existing Event Hubs namespace in the same resource group')
param eventHubNamespaceName string

@description('The event hub the records go to; created when missing')
param eventHubName string = 'flowdoctor-runs'

@description('Partitions of the event hub: records are spread over them')
param partitionCount int = 4

resource logicApp 'Microsoft.Logic/workflows@2019-05-01' existing = {
  name: logicAppName
}

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: eventHubNamespaceName
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: 1
  }
}

// Diagnostic settings stream through a namespace-level rule; Azure Monitor needs Manage, Send and Listen on it.
resource streamRule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' = {
  parent: namespace
  name: 'flowdoctor-diagnostics'
  properties: {
    rights: [
      'Manage'
      'Send'
      'Listen'
    ]
  }
}

resource toEventHub 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'flowdoctor-workflow-runtime'
  scope: logicApp
  properties: {
    eventHubAuthorizationRuleId: streamRule.id
    eventHubName: hub.name
    logs: [
      {
        category: 'WorkflowRuntime'
        enabled: true
      }
    ]
  }
}

output eventHubName string = hub.name
