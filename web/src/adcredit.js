// adcredit — the ES module to embed: the API of CONTRACT §7 and the <adcredit-help> element.
//   <script type="module" src="./adcredit.js"></script>  <adcredit-help></adcredit-help>
export { init, checkPlan, suggestPlan, canMove, search, ask } from './api.js';
export { strings } from './element/strings.js';
export { AdcreditHelp } from './element/help.js';
import { AdcreditHelp } from './element/help.js';

if (!customElements.get('adcredit-help')) customElements.define('adcredit-help', AdcreditHelp);
