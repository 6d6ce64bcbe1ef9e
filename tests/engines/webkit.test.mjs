// The learner's journeys in webkit (see journeys.mjs).
import { journeys } from './journeys.mjs';

journeys('webkit');
