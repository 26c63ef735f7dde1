export { type RoutedSlots, type RoutingFormSlotsParams, RoutingFormsResource } from './routing-forms';
