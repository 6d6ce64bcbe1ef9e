// The learner's journeys in firefox (see journeys.mjs).
import { journeys } from './journeys.mjs';

journeys('firefox');
