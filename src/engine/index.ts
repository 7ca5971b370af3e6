/**
 * Gatescope's numerical engine: RNN, LSTM and GRU forward passes with full traces,
 * backpropagation through time and exact Jacobian norms. Pure TypeScript; imports
 * nothing outside this folder.
 */
export {};
