// Readable names of the skills and misconception codes of DESIGN.md.
const SKILLS = {
  DECOMPOSE: 'Name outer and inner',
  OUTER_DERIVATIVE: 'Elementary derivatives',
  EVALUATE_AT_INNER: 'Outer derivative at the inner function',
  INNER_FACTOR: 'Inner factor',
  MULTI_LAYER: 'Several layers',
  CHAIN_VS_PRODUCT: 'Chain or product',
  GRAPH_PATHS: 'Paths of a computation graph',
  JACOBIAN: 'Jacobian products',
};

export function skillName(code) {
  return SKILLS[code] || code;
}
