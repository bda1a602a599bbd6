// diagram-js module: the process catalog service and the provider that offers deployed processes to call activities.
import CalledProcessProvider from './CalledProcessProvider';
import ProcessCatalog from './ProcessCatalog';

/** Add to `additionalModules`; then `modeler.get('sparrowProcesses').setProcesses(list)`. */
export default {
  __init__: ['calledProcessProvider'],
  sparrowProcesses: ['type', ProcessCatalog],
  calledProcessProvider: ['type', CalledProcessProvider],
};
