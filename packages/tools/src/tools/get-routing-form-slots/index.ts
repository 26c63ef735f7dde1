export * from './get-routing-form-slots';
